import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { toColumns } from "../agreements/fields";
import { insertForeignOrganization } from "../organizations/create";
import { agreementSchema } from "../validation/agreements";
import { foreignOrganizationSchema } from "../validation/organizations";
import type { ImportPlan, RowPlan } from "./plan";

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
  return { created, foreignCreated };
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
