import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { importJobs, users, type ImportJob } from "@/db/schema";
import { FORBIDDEN, type Refusal, type WriteContext } from "../agreements/write";
import { enqueue, registerHandler } from "../jobs";
import type { ImportPlan } from "./plan";
import { mayImport, runImport, type ImportOutcome, type ImportPhase, type ImportResult } from "./run";

// A CSV import as a background job: the request that starts it stores the file's rows and a
// job on the queue (pg-boss, lib/jobs) in one transaction and answers at once; a worker on any
// instance runs the import (checking every row outside any transaction, then one short
// set-based write transaction that also marks the import done), and the page polls its
// progress, which the user can leave and come back to. A run that dies wrote nothing (the
// write and "done" commit together): the queue retries it when the worker's heartbeat stops.

/** Entries shown of the created and skipped rows (the counts are complete). */
const SHOWN = 300;

export interface ImportJobSummary {
  ok: true;
  counts: { created: number; updated: number; skipped: number };
  created: ImportResult["created"];
  updated: ImportResult["updated"];
  skipped: ImportResult["skipped"];
  foreignCreated: ImportResult["foreignCreated"];
}

export interface ImportJobView {
  id: string;
  fileName: string | null;
  status: ImportJob["status"];
  phase: ImportPhase | null;
  done: number;
  total: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** done: the summary; invalid: the plan's rows with errors; conflict: the rows that changed. */
  result: unknown;
}

type Live = Map<string, { phase: ImportPhase; done: number; total: number }>;
const live: Live = ((globalThis as { __avtalsregistretImports?: Live }).__avtalsregistretImports ??= new Map());

function summarise(result: ImportResult): ImportJobSummary {
  return {
    ok: true,
    counts: { created: result.created.length, updated: result.updated.length, skipped: result.skipped.length },
    created: result.created.slice(0, SHOWN),
    updated: result.updated.slice(0, SHOWN),
    skipped: result.skipped.slice(0, SHOWN),
    foreignCreated: result.foreignCreated,
  };
}

/** What the browser may see of a refused plan: the rows with errors, without the write input. */
function errorsOnly(plan: ImportPlan) {
  return { counts: plan.counts, newForeign: plan.newForeign, rows: plan.rows.filter((r) => r.action === "error").slice(0, 1000).map(({ input: _input, ...r }) => r) };
}

export const IMPORT_JOB = "import.run";

/** Registers the import's job. A retry comes only from a worker that died or stalled mid-run. */
export function registerImportJobs(): void {
  registerHandler<{ importId: string }>(
    IMPORT_JOB,
    async ({ importId }, job) => {
      await runImportJob(job.db, importId, { retry: job.retryCount > 0 });
    },
    { retryLimit: 3, retryDelay: 5, retryDelayMax: 60, expireInSeconds: 1800, heartbeatSeconds: 30 },
  );
}

/** Stores an import's rows and its job on the queue; answers with the import's id at once. */
export async function startImportJob({
  ctx,
  rows,
  fileName,
}: {
  ctx: WriteContext;
  rows: Record<string, string>[];
  fileName?: string;
}): Promise<{ ok: true; id: string } | Refusal> {
  if (!mayImport(ctx)) return FORBIDDEN;
  const id = await ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({ createdBy: ctx.user.id, fileName: fileName ?? null, total: rows.length, rows })
      .returning({ id: importJobs.id });
    await enqueue(tx, IMPORT_JOB, { importId: job!.id });
    return job!.id;
  });
  return { ok: true, id };
}

/**
 * Runs a queued import as the user who started it (with their permissions as they are now).
 * `retry`: the queue runs it again after a run that died; that run left it "running", having
 * written nothing, so it is taken again. Null when there is nothing to run.
 */
export async function runImportJob(db: Db, id: string, options: { retry?: boolean } = {}): Promise<ImportJob["status"] | null> {
  const [job] = await db
    .update(importJobs)
    .set({ status: "running", startedAt: new Date(), phase: "checking", done: 0 })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, options.retry ? ["queued", "running"] : ["queued"])))
    .returning();
  if (!job) return null;
  const finish = async (status: ImportJob["status"], result: unknown, error: string | null = null) => {
    // Only a job still running: a job run twice (retried while the first run went on) keeps the first's "done".
    await db
      .update(importJobs)
      .set({ status, result, error, rows: null, finishedAt: new Date() })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, "running")));
    return status;
  };
  try {
    const [user] = await db.select().from(users).where(eq(users.id, job.createdBy));
    const ctx: WriteContext = { db, user: { id: job.createdBy, roles: user?.roles ?? [], organizationId: user?.organizationId ?? null, active: !!user?.active } };
    let lastStored = 0;
    const outcome: ImportOutcome = await runImport({
      ctx,
      rows: (job.rows ?? []) as Record<string, unknown>[],
      fileName: job.fileName ?? undefined,
      onProgress: async ({ phase, done, total }) => {
        live.set(id, { phase, done, total });
        // While checking, outside the transaction, the progress is stored too (for another
        // instance, or a page that comes back); while writing it is in memory only.
        if (phase === "checking" && (done - lastStored >= 2000 || done === total)) {
          lastStored = done;
          await db.update(importJobs).set({ phase, done }).where(eq(importJobs.id, id));
        }
      },
      beforeCommit: async (tx, result) => {
        // Done only once: of two overlapping runs, the second's write rolls back here.
        const [marked] = await tx
          .update(importJobs)
          .set({ status: "done", phase: "writing", done: result.created.length, result: summarise(result), rows: null, finishedAt: new Date() })
          .where(and(eq(importJobs.id, id), eq(importJobs.status, "running")))
          .returning({ id: importJobs.id });
        if (!marked) throw new Error(`import ${id} was finished by another run`);
      },
    });
    if (outcome.ok) return "done";
    if (outcome.error === "invalid" && "plan" in outcome) return await finish("invalid", { message: outcome.message, plan: errorsOnly(outcome.plan) });
    if (outcome.error === "conflict") return await finish("conflict", outcome);
    return await finish("failed", outcome, outcome.error);
  } catch (error) {
    // The write transaction rolled back: nothing was written.
    return await finish("failed", null, error instanceof Error ? error.message.slice(0, 1000) : String(error));
  } finally {
    live.delete(id);
  }
}

function view(job: Omit<ImportJob, "rows">): ImportJobView {
  const current = live.get(job.id);
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    phase: (current?.phase ?? job.phase) as ImportPhase | null,
    done: current?.done ?? job.done,
    total: current?.total ?? job.total,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    result: job.result,
  };
}

const columns = {
  id: importJobs.id,
  createdBy: importJobs.createdBy,
  fileName: importJobs.fileName,
  status: importJobs.status,
  phase: importJobs.phase,
  done: importJobs.done,
  total: importJobs.total,
  result: importJobs.result,
  error: importJobs.error,
  createdAt: importJobs.createdAt,
  startedAt: importJobs.startedAt,
  finishedAt: importJobs.finishedAt,
};

/** An import job as its owner sees it (another user's job is not found). */
export async function getImportJob(ctx: WriteContext, id: string): Promise<ImportJobView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [job] = await ctx.db.select(columns).from(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.createdBy, ctx.user.id)));
  return job ? view(job) : null;
}

/** The user's latest import jobs, newest first. */
export async function listImportJobs(ctx: WriteContext, limit = 10): Promise<ImportJobView[]> {
  const rows = await ctx.db.select(columns).from(importJobs).where(eq(importJobs.createdBy, ctx.user.id)).orderBy(desc(importJobs.createdAt)).limit(limit);
  return rows.map(view);
}

/**
 * At the start of the embedded database's one process: imports the last process left queued or
 * running (they wrote nothing) get a new job at once, instead of waiting for the queue to notice
 * the dead worker. On PostgreSQL another instance may be running them, so the queue's heartbeat
 * decides there.
 */
export async function resumeImportJobs(handle: Pick<DbHandle, "db" | "driver">): Promise<number> {
  if (handle.driver !== "pglite") return 0;
  return handle.db.transaction(async (tx) => {
    const jobs = await tx
      .update(importJobs)
      .set({ status: "queued", phase: null, done: 0 })
      .where(sql`${importJobs.status} IN ('queued', 'running')`)
      .returning({ id: importJobs.id });
    for (const j of jobs) await enqueue(tx, IMPORT_JOB, { importId: j.id });
    return jobs.length;
  });
}
