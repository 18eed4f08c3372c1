import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importJobs, users, type ImportJob } from "@/db/schema";
import { FORBIDDEN, type Refusal, type WriteContext } from "../agreements/write";
import type { ImportPlan } from "./plan";
import { mayImport, runImport, type ImportOutcome, type ImportPhase, type ImportResult } from "./run";

// A CSV import as a background job: the request that starts it stores the file's rows and
// answers at once; the import runs after that (checking every row outside any transaction,
// then one short set-based write transaction that also marks the job done), and the page polls
// its progress, which the user can leave and come back to. Until the app has a job queue the
// job runs in this process (scheduleImport); a job a stopped server left "running" wrote
// nothing (the write and "done" commit together), so it is queued again at start.

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

/** Stores an import's rows as a job and starts it; answers with the job's id at once. */
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
  const [job] = await ctx.db
    .insert(importJobs)
    .values({ createdBy: ctx.user.id, fileName: fileName ?? null, total: rows.length, rows })
    .returning({ id: importJobs.id });
  scheduleImport(ctx.db, job!.id);
  return { ok: true, id: job!.id };
}

/** Runs the job after the current request (in this process). The seam for a job queue. */
export function scheduleImport(db: Db, id: string): void {
  setImmediate(() => {
    runImportJob(db, id).catch((error: unknown) => console.error(`import job ${id} failed`, error));
  });
}

/** Runs a queued import job as the user who started it (with their permissions as they are now). */
export async function runImportJob(db: Db, id: string): Promise<ImportJob["status"] | null> {
  const [job] = await db
    .update(importJobs)
    .set({ status: "running", startedAt: new Date(), phase: "checking", done: 0 })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, "queued")))
    .returning();
  if (!job) return null;
  const finish = async (status: ImportJob["status"], result: unknown, error: string | null = null) => {
    // Only a job still running: a job run twice (resumed while the first run went on) keeps the first's "done".
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
        await tx
          .update(importJobs)
          .set({ status: "done", phase: "writing", done: result.created.length, result: summarise(result), rows: null, finishedAt: new Date() })
          .where(eq(importJobs.id, id));
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

/** At server start: jobs a stopped server left queued or running (they wrote nothing) run again. */
export async function resumeImportJobs(db: Db): Promise<number> {
  const jobs = await db
    .update(importJobs)
    .set({ status: "queued", phase: null, done: 0 })
    .where(sql`${importJobs.status} IN ('queued', 'running')`)
    .returning({ id: importJobs.id });
  for (const j of jobs) scheduleImport(db, j.id);
  return jobs.length;
}
