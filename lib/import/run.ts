import { formValues } from "../agreements/fields";
import { AgreementRuleRefusal, allowed, createAgreements, FORBIDDEN, type Refusal, type WriteContext } from "../agreements/write";
import { insertForeignOrganization } from "../organizations/create";
import { foreignOrganizationSchema } from "../validation/organizations";
import { agreementSchema } from "../validation/agreements";
import { MAX_IMPORT_ROWS, type ImportColumn } from "./columns";
import { planImport, type ImportPlan, type RowPlan, type SkipReason } from "./plan";

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
      // The one agreement write (lib/agreements/write.ts): every rule checked for every row, set-based.
      const toWrite = toCreate.map((r) => {
        const { foreign, ...rest } = r.input!;
        const values = agreementSchema.omit({ swedishOrgId: true, foreign: true }).parse(rest);
        const foreignOrgId = foreign.mode === "existing" ? foreign.id : foreignIds.get(foreign.key)!;
        return { values: formValues({ ...values, swedishOrgId: rest.swedishOrgId }, foreignOrgId), reason: `${reason}, row ${r.row}` };
      });
      let written: Awaited<ReturnType<typeof createAgreements>>;
      try {
        written = await createAgreements(tx, { actorId: ctx.user.id, rows: toWrite, onProgress });
      } catch (error) {
        if (error instanceof AgreementRuleRefusal) throw new InvalidImport(refusedPlan(plan, toCreate, error));
        throw error;
      }
      const created: ImportResult["created"] = written.map((row, i) => ({
        row: toCreate[i]!.row,
        id: row.id,
        swedishName: toCreate[i]!.swedishName ?? "",
        foreignName: toCreate[i]!.foreignName ?? "",
      }));
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

const COLUMN_OF: Record<string, ImportColumn> = {
  swedishOrgId: "swedish_party",
  foreignOrgId: "foreign_party",
  kind: "kind",
  designation: "designation",
  established: "established",
  funding: "funding",
  areas: "areas",
  notes: "notes",
};

/** The plan with the rows the agreement write refused marked as errors (its reasons as issues). */
function refusedPlan(plan: ImportPlan, toCreate: RowPlan[], refusal: AgreementRuleRefusal): ImportPlan {
  const byRow = new Map(refusal.rows.map((r) => [toCreate[r.index]!.row, r.fieldErrors]));
  const rows = plan.rows.map((r): RowPlan => {
    const errors = byRow.get(r.row);
    if (!errors || r.action !== "create") return r;
    const issues = Object.entries(errors).flatMap(([field, messages]) => messages.map((m) => ({ column: COLUMN_OF[field] ?? null, code: m.split(".").at(-1)! })));
    return { ...r, action: "error", issues };
  });
  const counts = { create: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return { ...plan, rows, counts };
}
