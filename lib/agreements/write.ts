import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { agreements, organizations, type Agreement } from "@/db/schema";
import { parsePartialDate, partialDateToString } from "../domain/partial-date";
import { recordRevision } from "../revisions/record";
import { agreementValuesSchema, type AgreementStoredValues, type AgreementValuesInput } from "../validation/agreements";
import { fieldErrorsOf, FieldRefusal, type FieldErrors } from "./refusal";

export * from "./refusal";

// The one write of an agreement. Every path that stores an agreement (the form's create and
// edit, a proposal's approval, a revert, the CSV import, the API) ends here, so the rules are
// checked once, the same way, before anything is written:
//   - the shape, by the zod schema in lib/validation (agreementValuesSchema): kinds, texts
//     without control characters, an honest date (exists, from 1900, not in the future);
//   - the parties, in the database: the Swedish party exists and is a kommun, region or
//     länsstyrelse, the foreign party exists and is not Swedish, and they differ;
//   - no second agreement of the same kind between the same parties.
// The database says the party rule again (trigger agreements_party_kinds), so even a direct
// UPDATE is refused. Proposals check their result with `checkAgreements` when they are made.

export type AgreementValueField = keyof AgreementValuesInput;
export type AgreementWriteAction = "agreement.create" | "agreement.update" | "agreement.revert";

/** A refusal of one or more agreements: field errors (catalogue keys) per row of the batch. */
export class AgreementRuleRefusal extends FieldRefusal {
  constructor(public readonly rows: { index: number; fieldErrors: FieldErrors }[]) {
    super(rows[0]?.fieldErrors ?? {});
    this.name = "AgreementRuleRefusal";
  }
}

/** An update based on a version that is no longer the current one. */
export class StaleAgreement extends Error {
  constructor(public readonly current: Agreement) {
    super("stale");
    this.name = "StaleAgreement";
  }
}

/** An agreement row's values as the write takes them. */
export function valuesOf(a: Pick<Agreement, "swedishOrgId" | "foreignOrgId" | "kind" | "designation" | "establishedOn" | "establishedPrecision" | "funding" | "areas" | "notes">): AgreementStoredValues {
  return {
    swedishOrgId: a.swedishOrgId,
    foreignOrgId: a.foreignOrgId,
    kind: a.kind,
    designation: a.designation,
    established: partialDateToString({ on: a.establishedOn?.slice(0, 10) ?? null, precision: a.establishedPrecision }),
    funding: a.funding,
    areas: a.areas ?? [],
    notes: a.notes,
  };
}

function columnsOf(v: AgreementStoredValues) {
  const established = parsePartialDate(v.established);
  return {
    swedishOrgId: v.swedishOrgId,
    foreignOrgId: v.foreignOrgId,
    kind: v.kind,
    designation: v.designation,
    establishedOn: established.on,
    establishedPrecision: established.precision,
    funding: v.funding,
    areas: v.areas,
    notes: v.notes,
  };
}

const add = (errors: FieldErrors, field: string, message: string) => {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
};

/**
 * Checks agreements against every rule without writing; returns the normalised values, or
 * throws AgreementRuleRefusal with each refused row's field errors. Set-based: one query for
 * the parties and one for duplicates, however many rows.
 */
export async function checkAgreements(tx: Tx, list: readonly { values: unknown; exceptId?: string | null }[]): Promise<AgreementStoredValues[]> {
  const errors: FieldErrors[] = list.map(() => ({}));
  const parsed = list.map((item, i) => {
    const r = agreementValuesSchema.safeParse(item.values);
    if (!r.success) errors[i] = fieldErrorsOf(r.error);
    return r.success ? r.data : null;
  });

  const ids = [...new Set(parsed.flatMap((v) => (v ? [v.swedishOrgId, v.foreignOrgId] : [])))];
  const kinds = new Map<string, string>();
  for (let at = 0; at < ids.length; at += 5000) {
    const rows = await tx.select({ id: organizations.id, kind: organizations.kind }).from(organizations).where(inArray(organizations.id, ids.slice(at, at + 5000)));
    for (const o of rows) kinds.set(o.id, o.kind);
  }
  parsed.forEach((v, i) => {
    if (!v) return;
    const swedish = kinds.get(v.swedishOrgId);
    const foreign = kinds.get(v.foreignOrgId);
    if (!swedish) add(errors[i]!, "swedishOrgId", "rules.partyMissing");
    else if (swedish === "foreign") add(errors[i]!, "swedishOrgId", "rules.swedishNotSwedish");
    if (!foreign) add(errors[i]!, "foreignOrgId", "rules.partyMissing");
    else if (foreign !== "foreign") add(errors[i]!, "foreignOrgId", "rules.foreignIsSwedish");
    else if (v.swedishOrgId === v.foreignOrgId) add(errors[i]!, "foreignOrgId", "rules.partiesEqual");
  });

  // Duplicates: of an existing agreement (other than the one being edited), or within the batch.
  const candidates = parsed.flatMap((v, i) => (v && Object.keys(errors[i]!).length === 0 ? [{ v, i }] : []));
  const seen = new Map<string, number>();
  for (const { v, i } of candidates) {
    const key = `${v.swedishOrgId}|${v.foreignOrgId}|${v.kind}`;
    if (seen.has(key)) add(errors[i]!, "kind", "registry.errors.duplicate");
    else seen.set(key, i);
  }
  for (let at = 0; at < candidates.length; at += 5000) {
    const chunk = candidates.slice(at, at + 5000);
    const arr = (values: string[]) => `{${values.join(",")}}`;
    const existing = await queryRows<{ id: string; s: string; f: string; k: string }>(
      tx,
      sql`SELECT a.id, a.swedish_org_id AS s, a.foreign_org_id AS f, a.kind::text AS k
          FROM agreements a
          JOIN unnest(${arr(chunk.map((c) => c.v.swedishOrgId))}::uuid[], ${arr(chunk.map((c) => c.v.foreignOrgId))}::uuid[], ${arr(chunk.map((c) => c.v.kind))}::text[]) AS x(s, f, k)
            ON a.swedish_org_id = x.s AND a.foreign_org_id = x.f AND a.kind::text = x.k`,
    );
    for (const row of existing) {
      const i = seen.get(`${row.s}|${row.f}|${row.k}`);
      if (i !== undefined && list[i]!.exceptId !== row.id) add(errors[i]!, "kind", "registry.errors.duplicate");
    }
  }

  const refused = errors.flatMap((fieldErrors, index) => (Object.keys(fieldErrors).length > 0 ? [{ index, fieldErrors }] : []));
  if (refused.length > 0) throw new AgreementRuleRefusal(refused);
  return parsed as AgreementStoredValues[];
}

export interface CreateRow {
  values: AgreementValuesInput;
  reason?: string | null;
}

/** Rows per statement: one JSON parameter each, so the size only paces the progress. */
const CREATE_CHUNK = 2500;

/**
 * Creates agreements after checking every rule, with a revision for each, in the caller's
 * transaction: all of them or none. Set-based (a JSON recordset per chunk, several times faster
 * than a multi-row VALUES on PGlite), so the import's thousands of rows come through here too.
 * Returns the agreements in the order of the rows.
 */
export async function createAgreements(
  tx: Tx,
  input: { actorId: string; rows: readonly CreateRow[]; proposalId?: string | null; onProgress?: (done: number, total: number) => void | Promise<void> },
): Promise<Agreement[]> {
  const checked = await checkAgreements(tx, input.rows.map((r) => ({ values: r.values })));
  const ids: string[] = [];
  for (let at = 0; at < checked.length; at += CREATE_CHUNK) {
    const chunk = checked.slice(at, at + CREATE_CHUNK).map((v, j) => ({ id: randomUUID(), columns: columnsOf(v), reason: input.rows[at + j]!.reason ?? null }));
    await insertAgreementsWithRevisions(tx, input.actorId, input.proposalId ?? null, chunk);
    ids.push(...chunk.map((c) => c.id));
    await input.onProgress?.(ids.length, checked.length);
  }
  const byId = new Map<string, Agreement>();
  for (let at = 0; at < ids.length; at += 5000) {
    for (const row of await tx.select().from(agreements).where(inArray(agreements.id, ids.slice(at, at + 5000)))) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)!);
}

/**
 * One statement per chunk: the agreements from a JSON recordset and their revisions from what
 * was inserted, shaped as recordRevision stores a create (camelCase row, timestamps as JSON
 * dates, the changed fields as changedFields() lists them: every non-empty field, sorted).
 */
async function insertAgreementsWithRevisions(
  tx: Tx,
  actorId: string,
  proposalId: string | null,
  rows: { id: string; columns: ReturnType<typeof columnsOf>; reason: string | null }[],
): Promise<void> {
  const json = JSON.stringify(
    rows.map(({ id, columns: c, reason }, n) => ({
      id,
      s: c.swedishOrgId,
      f: c.foreignOrgId,
      kind: c.kind,
      designation: c.designation,
      established_on: c.establishedOn,
      precision: c.establishedPrecision,
      funding: c.funding,
      areas: c.areas,
      notes: c.notes,
      reason,
      n,
    })),
  );
  const ts = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  await tx.execute(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, s uuid, f uuid, kind text, designation text, established_on date,
        precision text, funding text, areas text[], notes text, reason text, n int)
    ), inserted AS (
      INSERT INTO agreements (id, swedish_org_id, foreign_org_id, kind, designation, established_on, established_precision, funding, areas, notes, created_by, updated_by)
      SELECT id, s, f, kind::agreement_kind, designation, established_on, precision::date_precision, funding, areas, notes, ${actorId}::uuid, ${actorId}::uuid
      FROM input
      RETURNING *
    )
    INSERT INTO revisions (entity_type, entity_id, action, actor_id, before, after, changed_fields, reason, proposal_id)
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
      i.reason, ${proposalId}::uuid
    FROM inserted a JOIN input i ON i.id = a.id
    ORDER BY i.n`);
}

export interface UpdateInput {
  id: string;
  /** The fields to set; the others keep their saved values. Checked here, whatever their source. */
  changes: Partial<Record<AgreementValueField, unknown>>;
  actorId: string;
  /** When given, the agreement must still be at this version (else StaleAgreement). */
  expectedVersion?: number;
  action?: Exclude<AgreementWriteAction, "agreement.create">;
  reason?: string | null;
  proposalId?: string | null;
}

export type UpdateOutcome = { agreement: Agreement; revisionId: number | null; changed: AgreementValueField[] } | null;

/**
 * Updates one agreement: locks its row, checks the version it was based on, checks the values
 * it would have against every rule, and writes it with its revision. Null when it does not
 * exist; nothing is written when nothing changes.
 */
export async function updateAgreementValues(tx: Tx, input: UpdateInput): Promise<UpdateOutcome> {
  const [before] = await tx.select().from(agreements).where(eq(agreements.id, input.id)).for("update");
  if (!before) return null;
  if (input.expectedVersion !== undefined && before.version !== input.expectedVersion) throw new StaleAgreement(before);
  const now = valuesOf(before);
  const [next] = await checkAgreements(tx, [{ values: { ...now, ...input.changes }, exceptId: before.id }]);
  const changed = (Object.keys(now) as AgreementValueField[]).filter((f) => JSON.stringify(now[f] ?? null) !== JSON.stringify(next![f] ?? null));
  if (changed.length === 0) return { agreement: before, revisionId: null, changed };
  const [after] = await tx
    .update(agreements)
    .set({ ...columnsOf(next!), version: sql`${agreements.version} + 1`, updatedAt: sql`now()`, updatedBy: input.actorId })
    .where(and(eq(agreements.id, before.id), eq(agreements.version, before.version)))
    .returning();
  const revisionId = await recordRevision(tx, {
    entityType: "agreement",
    entityId: before.id,
    action: input.action ?? "agreement.update",
    actorId: input.actorId,
    before,
    after: after!,
    reason: input.reason ?? null,
    proposalId: input.proposalId ?? null,
  });
  return { agreement: after!, revisionId, changed };
}
