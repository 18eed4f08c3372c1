import { PgBoss, fromPglite, type Job } from "pg-boss";
import type { DbHandle } from "@/db/client";
import { jobDefinition, jobDefinitions, type JobDefinition } from "./registry";

// The job queue is pg-boss (a maintained Postgres job queue), on the app's own database:
// - PostgreSQL: pg-boss's own small pool on the same URL; workers on several app instances
//   take each job once (SELECT … FOR UPDATE SKIP LOCKED inside pg-boss).
// - PGlite: pg-boss runs its SQL on the app's one embedded connection (fromPglite), so the
//   demo needs no server; its statements simply take turns with the app's.
// Jobs are written by enqueue() inside the caller's transaction (lib/jobs/enqueue.ts).

export interface StartJobsOptions {
  /** Take and run jobs in this process (default true). false: only enqueue (e.g. a script). */
  work?: boolean;
  /** Seconds between two looks for new jobs per queue (default 2). */
  pollingIntervalSeconds?: number;
  /** Make it the queue enqueue() writes through (default true; false for a second worker in a test). */
  current?: boolean;
}

export interface JobRuntime {
  boss: PgBoss;
  handle: DbHandle;
  /** Runs every job of `name` that is due now, in this call, and returns how many ran. For tests and scripts. */
  drain(name: string): Promise<number>;
  stop(): Promise<void>;
}

const SCHEMA = "pgboss";
const DEFAULT_POLICY = { retryLimit: 5, retryDelay: 30, retryDelayMax: 3600, expireInSeconds: 300 };

interface RuntimeState {
  current?: JobRuntime;
}
const state: RuntimeState = ((globalThis as { __avtalsregistretJobRuntime?: RuntimeState }).__avtalsregistretJobRuntime ??= {});

function createBoss(handle: DbHandle): PgBoss {
  if (handle.driver === "pglite") {
    if (!handle.pglite) throw new Error("The job queue needs the embedded database instance");
    // No supervisor timers of its own fighting for the one connection more than needed.
    return new PgBoss({ db: fromPglite(handle.pglite), backend: "pglite", schema: SCHEMA, maintenanceIntervalSeconds: 300 });
  }
  if (!handle.url) throw new Error("The job queue needs the database URL");
  return new PgBoss({ connectionString: handle.url, schema: SCHEMA, max: 4, application_name: "avtalsregistret-jobs" });
}

async function runJob(definition: JobDefinition, handle: DbHandle, job: Job<unknown>): Promise<void> {
  await definition.handler(job.data, { db: handle.db, jobId: job.id, retryCount: (job as { retryCount?: number }).retryCount ?? 0 });
}

/**
 * Starts the queue on `handle`: creates the schema and one queue per registered job, starts the
 * workers (unless `work: false`) and the cron schedules, and makes it the one enqueue() uses.
 */
export async function startJobs(handle: DbHandle, options: StartJobsOptions = {}): Promise<JobRuntime> {
  const makeCurrent = options.current ?? true;
  if (makeCurrent && state.current) throw new Error("The job queue is already started in this process");
  const boss = createBoss(handle);
  boss.on("error", (error: unknown) => console.error("[avtalsregistret] job queue:", error));
  await boss.start();
  const definitions = jobDefinitions();
  for (const d of definitions) {
    const policy = { ...DEFAULT_POLICY, ...d.policy };
    const { heartbeatSeconds, ...queue } = { ...policy, retryBackoff: true };
    if (await boss.getQueue(d.name)) await boss.updateQueue(d.name, queue);
    else await boss.createQueue(d.name, { ...queue, ...(heartbeatSeconds ? { heartbeatSeconds } : {}) });
  }
  const work = options.work ?? true;
  if (work) {
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    for (const d of definitions) {
      await boss.work(d.name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
        if (job) await runJob(d, handle, job);
      });
      if (d.cron) await boss.schedule(d.name, d.cron, null, { tz: "UTC" });
    }
  }

  const runtime: JobRuntime = {
    boss,
    handle,
    async drain(name) {
      const definition = jobDefinition(name);
      if (!definition) throw new Error(`No handler registered for job "${name}"`);
      let ran = 0;
      for (;;) {
        const jobs = await boss.fetch(name, { batchSize: 10 });
        if (jobs.length === 0) return ran;
        for (const job of jobs) {
          ran++;
          try {
            await runJob(definition, handle, job);
            await boss.complete(name, job.id);
          } catch (error) {
            await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
          }
        }
      }
    },
    async stop() {
      if (state.current === runtime) state.current = undefined;
      // Graceful: the job in hand finishes (up to 20 s) before the pool closes.
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
  if (makeCurrent) state.current = runtime;
  return runtime;
}

/** The started queue of this process, or undefined. */
export function currentJobs(): JobRuntime | undefined {
  return state.current;
}

export async function stopJobs(): Promise<void> {
  await state.current?.stop();
}
