export { enqueue, type EnqueueOptions } from "./enqueue";
export { registerHandler, registerSchedule, type JobContext, type JobHandler, type QueuePolicy } from "./registry";
export { currentJobs, startJobs, stopJobs, type JobRuntime, type StartJobsOptions } from "./runtime";
