import { agreements } from "@/db/schema";
import { toColumns } from "../agreements/fields";
import { allowed, FORBIDDEN, type Refusal, type WriteContext } from "../agreements/write";
import { insertForeignOrganization } from "../organizations/create";
import { recordRevision } from "../revisions/record";
import { foreignOrganizationSchema } from "../validation/organizations";
import { agreementSchema } from "../validation/agreements";
import { MAX_IMPORT_ROWS } from "./columns";
import { planImport, type ImportPlan, type SkipReason } from "./plan";

export interface ImportResult {
  ok: true;
  created: { row: number; id: string; swedishName: string; foreignName: string }[];
  skipped: { row: number; swedishName?: string; foreignName?: string; skip: SkipReason }[];
  foreignCreated: { id: string; name: string }[];
}

export type ImportOutcome = ImportResult | { ok: false; error: "invalid"; message: string; plan: ImportPlan } | Refusal;

class InvalidImport extends Error {
  constructor(public readonly plan: ImportPlan) {
    super("invalid import");
  }
}

/** May this user import at all (agreements; foreign parties when the file names new ones)? */
export function mayImport(ctx: WriteContext): boolean {
  return allowed(ctx, "import.run") && allowed(ctx, "agreement.create");
}

/**
 * Imports agreements from CSV rows in one transaction: the file is planned again inside it, and
 * if any row has an error nothing is written. Rows that already exist are skipped, with the
 * reason. Each created agreement and foreign party gets its revision.
 */
export async function runImport({
  ctx,
  rows,
  fileName,
  onProgress,
}: {
  ctx: WriteContext;
  rows: Record<string, unknown>[];
  fileName?: string;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}): Promise<ImportOutcome> {
  if (!mayImport(ctx)) return FORBIDDEN;
  if (rows.length === 0) return { ok: false, error: "invalid", message: "registry.import.empty", plan: await planImport(ctx.db, []) };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: "invalid", message: "registry.import.tooMany", plan: await planImport(ctx.db, []) };

  try {
    return await ctx.db.transaction(async (tx) => {
      const plan = await planImport(tx, rows);
      if (plan.counts.error > 0) throw new InvalidImport(plan);
      if (plan.newForeign.length > 0 && !allowed(ctx, "organization.create")) return FORBIDDEN;

      const reason = `Import${fileName ? ` (${fileName.slice(0, 200)})` : ""}`;
      const foreignIds = new Map<string, string>();
      const foreignCreated: ImportResult["foreignCreated"] = [];
      for (const n of plan.newForeign) {
        const id = await insertForeignOrganization(tx, ctx.user.id, foreignOrganizationSchema.parse(n.org));
        foreignIds.set(n.key, id);
        foreignCreated.push({ id, name: n.org.name });
      }

      const toCreate = plan.rows.filter((r) => r.action === "create");
      const created: ImportResult["created"] = [];
      for (const [i, r] of toCreate.entries()) {
        const { foreign, ...rest } = r.input!;
        const values = agreementSchema.omit({ swedishOrgId: true, foreign: true }).parse(rest);
        const foreignOrgId = foreign.mode === "existing" ? foreign.id : foreignIds.get(foreign.key)!;
        const [row] = await tx
          .insert(agreements)
          .values({ ...toColumns({ ...values, swedishOrgId: rest.swedishOrgId }, foreignOrgId), createdBy: ctx.user.id, updatedBy: ctx.user.id })
          .returning();
        await recordRevision(tx, {
          entityType: "agreement",
          entityId: row!.id,
          action: "agreement.create",
          actorId: ctx.user.id,
          before: null,
          after: row!,
          reason: `${reason}, row ${r.row}`,
        });
        created.push({ row: r.row, id: row!.id, swedishName: r.swedishName ?? "", foreignName: r.foreignName ?? "" });
        if (onProgress && (i % 25 === 24 || i === toCreate.length - 1)) await onProgress(i + 1, toCreate.length);
      }
      return {
        ok: true as const,
        created,
        skipped: plan.rows.filter((r) => r.action === "skip").map((r) => ({ row: r.row, swedishName: r.swedishName, foreignName: r.foreignName, skip: r.skip! })),
        foreignCreated,
      };
    });
  } catch (error) {
    if (error instanceof InvalidImport) return { ok: false, error: "invalid", message: "registry.import.hasErrors", plan: error.plan };
    throw error;
  }
}
