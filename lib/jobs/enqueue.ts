import { sql } from "drizzle-orm";
import { fromDrizzle, type DrizzleTransactionLike } from "pg-boss";
import type { Db, Tx } from "@/db/client";
import { jobDefinition } from "./registry";
import { currentJobs } from "./runtime";

export interface EnqueueOptions {
  /** Not before this time (a Date) or this many seconds from now. */
  startAfter?: Date | number;
  /** At most one waiting job with this key per job name (e.g. one reminder per campaign and organisation). */
  singletonKey?: string;
  priority?: number;
}

/**
 * Writes a job into the caller's transaction: it exists only if the transaction commits, and a
 * worker runs it after that. Returns the job's id (null when a singletonKey job already waits).
 */
export async function enqueue<P extends object>(tx: Tx | Db, name: string, payload: P, options: EnqueueOptions = {}): Promise<string | null> {
  const runtime = currentJobs();
  if (!runtime) throw new Error(`The job queue is not started in this process; cannot enqueue "${name}"`);
  // Every statement must go through tx: an unknown queue would make pg-boss look it up on its own
  // connection, which on the single embedded connection waits for this very transaction.
  if (!jobDefinition(name)) throw new Error(`No handler registered for job "${name}"`);
  return runtime.boss.send(name, payload, { ...options, db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) });
}
