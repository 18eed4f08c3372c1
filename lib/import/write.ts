import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { formValues } from "../agreements/fields";
import { AgreementRuleRefusal, createAgreements, StaleAgreement, updateAgreementValues } from "../agreements/write";
import { insertForeignOrganization } from "../organizations/create";
import { insertSource } from "../sources/create";
import { parsePartialDate } from "../domain/partial-date";
import { sourceInputSchema } from "../validation/sources";
import { agreementSchema, splitAreas } from "../validation/agreements";
import { foreignOrganizationSchema } from "../validation/organizations";
import type { ImportPlan, PlannedStatus, RowPlan } from "./plan";

// The writes of a planned import. The rows were checked (per row, with the same schemas and
// party rules as the agreement form) before the transaction; here they go through the one
// agreement write (lib/agreements/write.ts), which checks every rule again, set-based, inside
// the transaction: what changed since the plan (an agreement created meanwhile, a version that
// moved) refuses the whole import, so 20,000 rows hold the database for seconds, not minutes.

export class ChangedMeanwhile extends Error {
  constructor(public readonly rows: number[]) {
    super("the registry changed since the import was checked");
  }
}

export interface WrittenImport {
  created: { row: number; id: string; swedishName: string; foreignName: string }[];
  updated: { row: number; id: string; swedishName: string; foreignName: string; changed: string[] }[];
  foreignCreated: { id: string; name: string }[];
}

export async function writePlannedImport(
  tx: Tx,
  actorId: string,
  plan: ImportPlan,
  options: { reason: string; onProgress?: (done: number, total: number) => void | Promise<void> },
): Promise<WrittenImport> {
  // Imports write one at a time, so that each sees what the one before it committed (below).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('avtalsregistret.import'))`);
  const foreignIds = new Map<string, string>();
  const foreignCreated: WrittenImport["foreignCreated"] = [];
  // Few per file: each through the organisation write (its parent and duplicate rules, its revision).
  for (const n of plan.newForeign) {
    const id = await insertForeignOrganization(tx, actorId, foreignOrganizationSchema.parse(n.org));
    foreignIds.set(n.key, id);
    foreignCreated.push({ id, name: n.org.name });
  }

  const toCreate = plan.rows.filter((r): r is RowPlan & { input: NonNullable<RowPlan["input"]> } => r.action === "create" && !!r.input);
  const fields = agreementSchema.omit({ swedishOrgId: true, foreign: true });
  let rows;
  try {
    rows = await createAgreements(tx, {
      actorId,
      rows: toCreate.map((r) => {
        const { foreign, swedishOrgId, ...rest } = r.input;
        const foreignOrgId = foreign.mode === "existing" ? foreign.id : foreignIds.get(foreign.key)!;
        return { values: formValues({ ...fields.parse(rest), swedishOrgId }, foreignOrgId), reason: `${options.reason}, row ${r.row}` };
      }),
      onProgress: options.onProgress,
    });
  } catch (error) {
    if (error instanceof AgreementRuleRefusal) throw new ChangedMeanwhile(error.rows.map((r) => toCreate[r.index]!.row));
    throw error;
  }
  const created: WrittenImport["created"] = toCreate.map((r, i) => ({ row: r.row, id: rows[i]!.id, swedishName: r.swedishName ?? "", foreignName: r.foreignName ?? "" }));

  await writeFirstStatuses(tx, actorId, toCreate.flatMap((r, i) => (r.status ? [{ agreementId: rows[i]!.id, status: r.status }] : [])));
  const updated = await writeUpdates(tx, actorId, options.reason, plan.rows.filter((r) => r.action === "update" && r.update));
  return { created, updated, foreignCreated };
}

/**
 * The first status event of each created agreement (its establishment, checked by the
 * transition rules when planned), with its source: an existing one, or a web page created once
 * per address (through the source write, with its revision). One statement per table.
 */
async function writeFirstStatuses(tx: Tx, actorId: string, items: { agreementId: string; status: PlannedStatus }[]): Promise<void> {
  if (items.length === 0) return;
  const sourceIds = new Map<string, string>();
  const today = new Date().toISOString().slice(0, 10);
  for (const url of new Set(items.flatMap((i) => (i.status.source?.mode === "url" ? [i.status.source.url] : [])))) {
    const source = await insertSource(tx, sourceInputSchema.parse({ kind: "web_page", citation: "", title: "", url, retrievedOn: today }), actorId);
    sourceIds.set(url, source.id);
  }
  const rows = items.map((i) => {
    const date = parsePartialDate(i.status.effective);
    const source = i.status.source;
    return {
      event_id: randomUUID(),
      agreement_id: i.agreementId,
      status: i.status.status,
      effective_on: date.on,
      precision: date.precision,
      source_id: source ? (source.mode === "existing" ? source.id : sourceIds.get(source.url)!) : null,
    };
  });
  const json = JSON.stringify(rows);
  await tx.execute(sql`
    INSERT INTO status_events (id, agreement_id, status, effective_on, effective_precision, recorded_by)
    SELECT event_id, agreement_id, status::event_status, effective_on, precision::date_precision, ${actorId}::uuid
    FROM jsonb_to_recordset(${json}::jsonb) AS r(event_id uuid, agreement_id uuid, status text, effective_on date, precision text, source_id uuid)`);
  if (rows.some((r) => r.source_id)) {
    await tx.execute(sql`
      INSERT INTO event_sources (event_id, source_id, created_by)
      SELECT event_id, source_id, ${actorId}::uuid
      FROM jsonb_to_recordset(${json}::jsonb) AS r(event_id uuid, source_id uuid)
      WHERE source_id IS NOT NULL`);
  }
}

/**
 * The edited fields of existing agreements (an exported file imported again), each update
 * version-checked against the version the row was planned on and recorded as a revision with
 * before and after, as the form's update does. A version that moved since the plan refuses
 * the whole import. Edits are few per file; the rows are locked and read in one statement.
 */
async function writeUpdates(tx: Tx, actorId: string, reason: string, rows: RowPlan[]): Promise<WrittenImport["updated"]> {
  const out: WrittenImport["updated"] = [];
  const stale: number[] = [];
  for (const r of rows) {
    const u = r.update!;
    try {
      const outcome = await updateAgreementValues(tx, {
        id: u.id,
        expectedVersion: u.baseVersion,
        actorId,
        reason: `${reason}, row ${r.row}`,
        changes: {
          designation: u.values.designation || null,
          established: u.values.established || null,
          funding: u.values.funding || null,
          areas: splitAreas(u.values.areas ?? ""),
          notes: u.values.notes || null,
        },
      });
      if (!outcome) stale.push(r.row);
      else out.push({ row: r.row, id: u.id, swedishName: r.swedishName ?? "", foreignName: r.foreignName ?? "", changed: u.changed });
    } catch (error) {
      if (error instanceof StaleAgreement || error instanceof AgreementRuleRefusal) stale.push(r.row);
      else throw error;
    }
  }
  if (stale.length > 0) throw new ChangedMeanwhile(stale);
  return out;
}
