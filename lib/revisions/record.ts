import type { Tx } from "@/db/client";
import { revisions } from "@/db/schema";

/** The records whose history pages show their revisions (to everyone signed in). */
export const REVISION_ENTITIES = ["agreement", "organization", "source"] as const;
export type RevisionEntity = (typeof REVISION_ENTITIES)[number];
/**
 * Records whose revisions are kept but shown by their own staff-only pages, never on the
 * history pages: an organisation's contacts (lib/accounts/*-contact.ts).
 */
export const STAFF_REVISION_ENTITIES = ["organization_contact"] as const;
export type RecordedEntity = RevisionEntity | (typeof STAFF_REVISION_ENTITIES)[number];

export interface RevisionInput {
  entityType: RecordedEntity;
  entityId: string;
  /** `entity.verb`, e.g. "agreement.update". */
  action: `${RecordedEntity}.${string}`;
  actorId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason?: string | null;
  proposalId?: string | null;
}

const IGNORED = new Set(["updatedAt", "updatedBy", "version", "createdAt", "createdBy"]);

/** The fields whose values differ between two versions of a record (bookkeeping columns aside). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null)).sort();
}

/** Writes a revision in the caller's transaction, so that a failed revision rolls the change back. */
export async function recordRevision(tx: Tx, input: RevisionInput): Promise<number> {
  const [row] = await tx
    .insert(revisions)
    .values({
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      actorId: input.actorId,
      before: input.before,
      after: input.after,
      changedFields: changedFields(input.before, input.after),
      reason: input.reason ?? null,
      proposalId: input.proposalId ?? null,
    })
    .returning({ id: revisions.id });
  return row!.id;
}
