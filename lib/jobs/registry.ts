import type { Db } from "@/db/client";

// The jobs this app knows: a name, its handler and its queue's retry policy. Handlers are
// registered at start (lib/jobs/handlers.ts) before the queue starts, so every queue exists
// before anything enqueues into it.

export interface JobContext {
  db: Db;
  jobId: string;
  /** 0 on the first run, 1 on the first retry, … */
  retryCount: number;
}

export type JobHandler<P = unknown> = (payload: P, ctx: JobContext) => Promise<void>;

export interface QueuePolicy {
  /** How many times a failed job is tried again (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled on each retry with jitter. */
  retryDelay?: number;
  /** The longest wait between two tries, in seconds (default 1 hour). */
  retryDelayMax?: number;
  /** Seconds a job may run before it counts as failed (default 5 minutes). */
  expireInSeconds?: number;
  /**
   * Seconds without a worker's heartbeat after which a running job counts as failed and is
   * retried (a worker that died mid-job; at least 10). Fixed when the queue is first created.
   */
  heartbeatSeconds?: number;
}

export interface JobDefinition {
  name: string;
  handler: JobHandler;
  policy: QueuePolicy;
  /** A cron expression (UTC) when the job runs on a schedule. */
  cron?: string;
}

const state = ((globalThis as { __avtalsregistretJobs?: Map<string, JobDefinition> }).__avtalsregistretJobs ??= new Map());

/** Names a job and the function that does it. Registering a name again replaces its handler. */
export function registerHandler<P>(name: string, handler: JobHandler<P>, policy: QueuePolicy = {}): void {
  if (!/^[a-z][a-z0-9._-]*$/.test(name)) throw new Error(`Job name "${name}" must be lower-case letters, digits, dots, dashes`);
  const previous = state.get(name);
  state.set(name, { name, handler: handler as JobHandler, policy, cron: previous?.cron });
}

/** Runs the job `name` on a cron schedule (UTC), e.g. "0 7 * * *" for every morning at 07:00. */
export function registerSchedule<P>(name: string, cron: string, handler: JobHandler<P>, policy: QueuePolicy = {}): void {
  registerHandler(name, handler, policy);
  state.get(name)!.cron = cron;
}

export function jobDefinitions(): JobDefinition[] {
  return [...state.values()];
}

export function jobDefinition(name: string): JobDefinition | undefined {
  return state.get(name);
}
