import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { agreements, organizations, revisions, users, type Agreement } from "@/db/schema";
import { insertForeignOrganization } from "../organizations/create";
import { agreementUpdateSchema } from "../validation/agreements";
import { AGREEMENT_FIELDS, fieldTexts, formValues, toColumns, toFormFieldErrors, type AgreementField, type StoredAgreement } from "./fields";
import {
  allowed,
  fieldErrorsOf,
  FieldRefusal,
  FORBIDDEN,
  invalid,
  NOT_FOUND,
  StaleAgreement,
  updateAgreementValues,
  type Refusal,
  type WriteContext,
} from "./write";

/** One field someone else changed since the version an edit was based on. */
export interface ConflictChange {
  field: AgreementField;
  /** The value now saved (for parties: the party's name). */
  theirs: string;
  /** The value in the refused edit. */
  yours: string;
}

export interface Conflict {
  currentVersion: number;
  changedBy: string | null;
  changedAt: string | null;
  changes: ConflictChange[];
}

export type UpdateAgreementResult =
  | { ok: true; id: string; version: number; changed: string[] }
  | Refusal
  | { ok: false; error: "conflict"; message: string; conflict: Conflict };

/**
 * Saves an edit, if it is based on the current version: the row is updated only
 * `WHERE version = baseVersion`, so of two concurrent edits of one version exactly one wins.
 * The other is refused with what changed meanwhile (field, their value, your value), and
 * nothing is written. The revision is written in the same transaction.
 */
export async function updateAgreement({ ctx, input }: { ctx: WriteContext; input: unknown }): Promise<UpdateAgreementResult> {
  if (!allowed(ctx, "agreement.update")) return FORBIDDEN;
  const parsed = agreementUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, baseVersion, reason, foreign, ...values } = parsed.data;

  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx.select().from(agreements).where(eq(agreements.id, id));
      if (!current) return NOT_FOUND;
      if (!allowed(ctx, "agreement.update", { organizationId: current.swedishOrgId })) return FORBIDDEN;
      if (foreign.mode === "new" && !allowed(ctx, "organization.create")) return FORBIDDEN;
      if (current.version !== baseVersion) throw new StaleAgreement(current);

      const foreignOrgId = foreign.mode === "new" ? await insertForeignOrganization(tx, ctx.user.id, foreign.org, "foreign.org.") : foreign.id;
      // The one write: locks the row, re-checks the version, checks every rule, records the revision.
      const outcome = await updateAgreementValues(tx, {
        id,
        changes: formValues(values, foreignOrgId),
        actorId: ctx.user.id,
        expectedVersion: baseVersion,
        reason: reason || null,
      });
      if (!outcome) return NOT_FOUND;
      return { ok: true as const, id, version: outcome.agreement.version, changed: outcome.changed.map(String) };
    });
  } catch (error) {
    if (error instanceof FieldRefusal) return invalid(toFormFieldErrors(error.fieldErrors, foreign.mode));
    if (error instanceof StaleAgreement) {
      return {
        ok: false,
        error: "conflict",
        message: "registry.errors.conflict",
        conflict: await describeConflict(ctx, error.current, baseVersion, { ...values, foreign }),
      };
    }
    throw error;
  }
}

type Submitted = Parameters<typeof toColumns>[0] & {
  foreign: { mode: "existing"; id: string } | { mode: "new"; org: { name: string } };
};

/**
 * What changed between the version the edit was based on and the current one: the fields whose
 * saved value differs from the base version's (read from the revisions' snapshots), each with
 * the value now saved and the value the person typed.
 */
async function describeConflict(ctx: WriteContext, current: Agreement, baseVersion: number, submitted: Submitted): Promise<Conflict> {
  const db = ctx.db;
  const [baseRevision] = await db
    .select({ after: revisions.after })
    .from(revisions)
    .where(
      and(eq(revisions.entityType, "agreement"), eq(revisions.entityId, current.id), sql`(${revisions.after}->>'version')::int = ${baseVersion}`),
    )
    .orderBy(desc(revisions.id))
    .limit(1);
  const [latest] = await db
    .select({ at: revisions.at, name: users.name })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.actorId))
    .where(and(eq(revisions.entityType, "agreement"), eq(revisions.entityId, current.id)))
    .orderBy(desc(revisions.id))
    .limit(1);

  const now = fieldTexts(current);
  const yoursColumns = toColumns(submitted, submitted.foreign.mode === "existing" ? submitted.foreign.id : "");
  const yours = fieldTexts(yoursColumns);
  const base = baseRevision?.after ? fieldTexts(baseRevision.after as StoredAgreement) : null;
  // Without a snapshot of the base version, show every field where the two differ.
  const fields = AGREEMENT_FIELDS.filter((f) => (base ? base[f] !== now[f] : now[f] !== yours[f]));

  const orgIds = [now.swedishOrgId, now.foreignOrgId, yours.swedishOrgId, yours.foreignOrgId].filter((x) => x);
  const names = new Map(
    (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds))).map(
      (o) => [o.id, o.name],
    ),
  );
  const label = (field: AgreementField, value: string, side: "theirs" | "yours") => {
    if (field === "foreignOrgId" && side === "yours" && submitted.foreign.mode === "new") return submitted.foreign.org.name;
    if (field === "swedishOrgId" || field === "foreignOrgId") return names.get(value) ?? value;
    return value;
  };
  return {
    currentVersion: current.version,
    changedBy: latest?.name ?? null,
    changedAt: latest?.at ? new Date(latest.at).toISOString() : null,
    changes: fields.map((field) => ({ field, theirs: label(field, now[field], "theirs"), yours: label(field, yours[field], "yours") })),
  };
}

