export { queueEmail, DELIVER_JOB, type EmailMessage } from "./queue";
export { deliverMessage, type DeliveryOutcome } from "./deliver";
export { sweepOutbox } from "./sweep";
export { registerMailJobs, transportFromEnv, SWEEP_JOB } from "./jobs";
