import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { toColumns } from "../agreements/fields";
import { insertForeignOrganization } from "../organizations/create";
import { recordRevision } from "../revisions/record";
import { insertSource } from "../sources/create";
import { parsePartialDate } from "../domain/partial-date";
import { sourceInputSchema } from "../validation/sources";
import { agreements } from "@/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { agreementSchema } from "../validation/agreements";
import { foreignOrganizationSchema } from "../validation/organizations";
import type { ImportPlan, PlannedStatus, RowPlan } from "./plan";

// The writes of a planned import, set-based: the rows were validated (per row, with the same
// schemas and party rules as the agreement form) before the transaction; here they are written
// in a few multi-row statements, so that 20,000 rows hold the database for seconds, not
// minutes. What could have changed since the plan (an agreement or a foreign party created
// meanwhile) is checked again, set-based, inside the transaction, and refuses the whole import.

/** Rows per statement (one JSON parameter each; the chunks only pace the progress). */
const CHUNK = 2500;

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

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows whose agreement (same parties, same kind) now exists: created since the plan. */
async function existingTriples(tx: Tx, rows: { row: number; s: string; f: string; kind: string }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const found = await queryRows<{ s: string; f: string; kind: string }>(
    tx,
    sql`SELECT a.swedish_org_id AS s, a.foreign_org_id AS f, a.kind::text AS kind
        FROM jsonb_to_recordset(${JSON.stringify(rows.map(({ s, f, kind }) => ({ s, f, kind })))}::jsonb) AS n(s uuid, f uuid, kind text)
        JOIN agreements a ON a.swedish_org_id = n.s AND a.foreign_org_id = n.f AND a.kind::text = n.kind`,
  );
  const taken = new Set(found.map((r) => `${r.s}|${r.f}|${r.kind}`));
  return rows.filter((r) => taken.has(`${r.s}|${r.f}|${r.kind}`)).map((r) => r.row);
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
  const values = toCreate.map((r) => {
    const { foreign, swedishOrgId, ...rest } = r.input;
    const foreignOrgId = foreign.mode === "existing" ? foreign.id : foreignIds.get(foreign.key)!;
    return {
      row: r,
      columns: { id: randomUUID(), ...toColumns({ ...fields.parse(rest), swedishOrgId }, foreignOrgId), createdBy: actorId, updatedBy: actorId },
    };
  });

  const conflicts: number[] = [];
  for (const part of chunks(values.filter((v) => v.row.input.foreign.mode === "existing"), 10_000)) {
    conflicts.push(...(await existingTriples(tx, part.map((v) => ({ row: v.row.row, s: v.columns.swedishOrgId, f: v.columns.foreignOrgId, kind: v.columns.kind })))));
  }
  if (conflicts.length > 0) throw new ChangedMeanwhile(conflicts);

  const created: WrittenImport["created"] = [];
  let done = 0;
  for (const part of chunks(values)) {
    await insertAgreementsWithRevisions(tx, actorId, options.reason, part.map((v) => ({ ...v.columns, row: v.row.row })));
    for (const v of part) created.push({ row: v.row.row, id: v.columns.id, swedishName: v.row.swedishName ?? "", foreignName: v.row.foreignName ?? "" });
    done += part.length;
    await options.onProgress?.(done, values.length);
  }

  await writeFirstStatuses(tx, actorId, values.filter((v) => v.row.status).map((v) => ({ agreementId: v.columns.id, status: v.row.status! })));
  const updated = await writeUpdates(tx, actorId, options.reason, plan.rows.filter((r) => r.action === "update" && r.update));
  return { created, updated, foreignCreated };
}

type AgreementColumns = ReturnType<typeof toColumns> & { id: string; row: number };

/**
 * One statement: the agreements from a JSON recordset (one parameter, however many rows, and
 * several times faster than a multi-row VALUES on PGlite), and their revisions from what was
 * inserted, shaped as recordRevision stores a create (camelCase row, timestamps as JSON dates,
 * the changed fields as changedFields() lists them: every non-empty field, sorted).
 */
async function insertAgreementsWithRevisions(tx: Tx, actorId: string, reason: string, rows: AgreementColumns[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      s: r.swedishOrgId,
      f: r.foreignOrgId,
      kind: r.kind,
      designation: r.designation,
      established_on: r.establishedOn,
      precision: r.establishedPrecision,
      funding: r.funding,
      areas: r.areas,
      notes: r.notes,
      row_no: r.row,
    })),
  );
  const ts = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  await tx.execute(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, s uuid, f uuid, kind text, designation text, established_on date,
        precision text, funding text, areas text[], notes text, row_no int)
    ), inserted AS (
      INSERT INTO agreements (id, swedish_org_id, foreign_org_id, kind, designation, established_on, established_precision, funding, areas, notes, created_by, updated_by)
      SELECT id, s, f, kind::agreement_kind, designation, established_on, precision::date_precision, funding, areas, notes, ${actorId}::uuid, ${actorId}::uuid
      FROM input
      RETURNING *
    )
    INSERT INTO revisions (entity_type, entity_id, action, actor_id, before, after, changed_fields, reason)
    SELECT 'agreement', a.id, 'agreement.create', ${actorId}::uuid, NULL,
      jsonb_build_object(
        'id', a.id, 'swedishOrgId', a.swedish_org_id, 'foreignOrgId', a.foreign_org_id, 'kind', a.kind,
        'designation', a.designation, 'establishedOn', a.established_on, 'establishedPrecision', a.established_precision,
        'funding', a.funding, 'areas', to_jsonb(a.areas), 'notes', a.notes, 'version', a.version,
        'createdAt', ${ts("a.created_at")}, 'createdBy', a.created_by, 'updatedAt', ${ts("a.updated_at")}, 'updatedBy', a.updated_by),
      array_remove(ARRAY['areas',
        CASE WHEN a.designation IS NOT NULL THEN 'designation' END,
        CASE WHEN a.established_on IS NOT NULL THEN 'establishedOn' END,
        'establishedPrecision', 'foreignOrgId',
        CASE WHEN a.funding IS NOT NULL THEN 'funding' END,
        'id', 'kind',
        CASE WHEN a.notes IS NOT NULL THEN 'notes' END,
        'swedishOrgId'], NULL),
      ${reason} || ', row ' || i.row_no
    FROM inserted a JOIN input i ON i.id = a.id
    ORDER BY i.row_no`);
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
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.update!.id);
  const current = new Map((await tx.select().from(agreements).where(inArray(agreements.id, ids)).for("update")).map((a) => [a.id, a]));
  const stale = rows.filter((r) => current.get(r.update!.id)?.version !== r.update!.baseVersion).map((r) => r.row);
  if (stale.length > 0) throw new ChangedMeanwhile(stale);
  const out: WrittenImport["updated"] = [];
  for (const r of rows) {
    const u = r.update!;
    const before = current.get(u.id)!;
    const established = parsePartialDate(u.values.established);
    const [after] = await tx
      .update(agreements)
      .set({
        designation: u.values.designation || null,
        establishedOn: established.on,
        establishedPrecision: established.precision,
        funding: u.values.funding || null,
        areas: u.values.areas ? u.values.areas.split("\n") : [],
        notes: u.values.notes || null,
        version: sql`${agreements.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: actorId,
      })
      .where(and(eq(agreements.id, u.id), eq(agreements.version, u.baseVersion)))
      .returning();
    if (!after) throw new ChangedMeanwhile([r.row]);
    await recordRevision(tx, { entityType: "agreement", entityId: u.id, action: "agreement.update", actorId, before, after, reason: `${reason}, row ${r.row}` });
    out.push({ row: r.row, id: u.id, swedishName: r.swedishName ?? "", foreignName: r.foreignName ?? "", changed: u.changed });
  }
  return out;
}
