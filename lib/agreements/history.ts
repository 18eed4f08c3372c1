import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, revisions, users } from "@/db/schema";
import { AGREEMENT_FIELDS, fieldTexts, type AgreementField, type StoredAgreement } from "./fields";

export interface FieldChange {
  field: AgreementField;
  before: string | null;
  after: string | null;
}

export interface RevisionEntry {
  id: number;
  action: string;
  at: string;
  actorName: string;
  reason: string | null;
  proposalId: string | null;
  changes: FieldChange[];
}

/**
 * An agreement's revisions, newest first, each with who, when, why and what changed field by
 * field (parties by name; the date as precise as it was stored).
 */
export async function agreementRevisions(db: Db, agreementId: string): Promise<RevisionEntry[]> {
  const rows = await db
    .select({ revision: revisions, actorName: users.name })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.actorId))
    .where(and(eq(revisions.entityType, "agreement"), eq(revisions.entityId, agreementId)))
    .orderBy(desc(revisions.id));

  const texts = (snapshot: unknown) => (snapshot ? fieldTexts(snapshot as StoredAgreement) : null);
  const orgIds = new Set<string>();
  const parsed = rows.map(({ revision, actorName }) => {
    const before = texts(revision.before);
    const after = texts(revision.after);
    for (const t of [before, after]) if (t) for (const f of ["swedishOrgId", "foreignOrgId"] as const) if (t[f]) orgIds.add(t[f]);
    return { revision, actorName, before, after };
  });
  const names = new Map(
    orgIds.size
      ? (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...orgIds]))).map((o) => [
          o.id,
          o.name,
        ])
      : [],
  );
  const show = (field: AgreementField, value: string | undefined) => {
    if (value === undefined || value === "") return null;
    return field === "swedishOrgId" || field === "foreignOrgId" ? (names.get(value) ?? value) : value;
  };

  return parsed.map(({ revision, actorName, before, after }) => ({
    id: revision.id,
    action: revision.action,
    at: new Date(revision.at).toISOString(),
    actorName,
    reason: revision.reason,
    proposalId: revision.proposalId,
    changes: AGREEMENT_FIELDS.filter((f) => (before?.[f] ?? "") !== (after?.[f] ?? "")).map((field) => ({
      field,
      before: show(field, before?.[field]),
      after: show(field, after?.[field]),
    })),
  }));
}
