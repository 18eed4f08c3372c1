import type { Tx } from "@/db/client";
import { allowed, FieldRefusal, FORBIDDEN, type Refusal, type WriteContext } from "../agreements/write";
import { getSetting } from "../settings";
import { MAX_IMPORT_ROWS } from "./columns";
import { planImport, type ImportPlan, type SkipReason } from "./plan";
import { ChangedMeanwhile, writePlannedImport, type WrittenImport } from "./write";

export interface ImportResult extends WrittenImport {
  ok: true;
  skipped: { row: number; swedishName?: string; foreignName?: string; skip: SkipReason }[];
}

export type ImportOutcome =
  | ImportResult
  | { ok: false; error: "invalid"; message: string; plan: ImportPlan }
  | { ok: false; error: "conflict"; message: "imports.changedMeanwhile"; rows: number[] }
  | Refusal;

export type ImportPhase = "checking" | "writing";
export type ImportProgress = (progress: { phase: ImportPhase; done: number; total: number }) => void | Promise<void>;

/** May this user import at all (agreements; foreign parties when the file names new ones)? */
export function mayImport(ctx: WriteContext): boolean {
  return allowed(ctx, "import.run") && allowed(ctx, "agreement.create");
}

/**
 * Imports agreements from CSV rows, all or nothing. Every row is checked first, outside any
 * transaction and yielding to other requests as it goes; if any row has an error nothing is
 * written. The writes then happen in one short, set-based transaction (write.ts), which checks
 * again what could have changed meanwhile. Rows that already exist are skipped, with the
 * reason. Each created agreement and foreign party gets its revision.
 */
export async function runImport({
  ctx,
  rows,
  fileName,
  onProgress,
  beforeCommit,
}: {
  ctx: WriteContext;
  rows: Record<string, unknown>[];
  fileName?: string;
  onProgress?: ImportProgress;
  /** Runs in the write transaction after the writes (a background import marks itself done there). */
  beforeCommit?: (tx: Tx, result: ImportResult) => Promise<void>;
}): Promise<ImportOutcome> {
  if (!mayImport(ctx)) return FORBIDDEN;
  if (rows.length === 0) return { ok: false, error: "invalid", message: "registry.import.empty", plan: await planImport(ctx.db, []) };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: "invalid", message: "registry.import.tooMany", plan: await planImport(ctx.db, []) };

  const plan = await planImport(ctx.db, rows, { onProgress: (done, total) => onProgress?.({ phase: "checking", done, total }) });
  if (plan.counts.error > 0) return { ok: false, error: "invalid", message: "registry.import.hasErrors", plan };
  if (plan.newForeign.length > 0 && !allowed(ctx, "organization.create")) return FORBIDDEN;
  const updates = plan.rows.filter((r) => r.action === "update");
  if (updates.length > 0) {
    if (!updates.every((r) => allowed(ctx, "agreement.update", { organizationId: r.input?.swedishOrgId ?? null }))) return FORBIDDEN;
    // Edits that the admin wants reviewed are made in the form (as proposals), not by import.
    if (await getSetting(ctx.db, "analystEditsRequireReview")) return { ok: false, error: "invalid", message: "imports.updatesNeedReview", plan };
  }

  const reason = `Import${fileName ? ` (${fileName.slice(0, 200)})` : ""}`;
  try {
    const skipped = plan.rows.filter((r) => r.action === "skip").map((r) => ({ row: r.row, swedishName: r.swedishName, foreignName: r.foreignName, skip: r.skip! }));
    return await ctx.db.transaction(async (tx) => {
      const written = await writePlannedImport(tx, ctx.user.id, plan, { reason, onProgress: (done, total) => onProgress?.({ phase: "writing", done, total }) });
      const result: ImportResult = { ok: true, ...written, skipped };
      await beforeCommit?.(tx, result);
      return result;
    });
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return { ok: false, error: "conflict", message: "imports.changedMeanwhile", rows: error.rows };
    if (error instanceof FieldRefusal) return { ok: false, error: "conflict", message: "imports.changedMeanwhile", rows: [] };
    throw error;
  }
}
