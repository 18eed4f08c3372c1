import { asc, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { attachments, revisions, sourceAttachments, sources, users, type Source } from "@/db/schema";
import type { AgreementKind, DatePrecision, EventStatus } from "../domain/enums";
import { LIVE_EVENT } from "./search";

export interface SourceAttachmentView {
  id: string;
  filename: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  addedAt: Date;
  addedByName: string | null;
}

export interface SourceEventUse {
  eventId: string;
  agreementId: string;
  agreementTitle: string;
  agreementKind: AgreementKind;
  status: EventStatus;
  effectiveOn: string | null;
  effectivePrecision: DatePrecision;
  superseded: boolean;
  quote: string | null;
  page: string | null;
}

export interface SourceAgreementUse {
  agreementId: string;
  agreementTitle: string;
  agreementKind: AgreementKind;
  quote: string | null;
  page: string | null;
}

export interface SourceClaimUse {
  claimId: string;
  agreementId: string;
  agreementTitle: string;
  field: string;
  value: string;
  quote: string | null;
  page: string | null;
}

export interface SourceRevisionView {
  id: number;
  action: string;
  at: Date;
  actorName: string;
  changedFields: string[];
  reason: string | null;
}

/** Attachments of sources, by source. */
export async function attachmentsOfSources(db: Db, sourceIds: readonly string[]): Promise<Map<string, SourceAttachmentView[]>> {
  const out = new Map<string, SourceAttachmentView[]>();
  if (sourceIds.length === 0) return out;
  const rows = await db
    .select({
      sourceId: sourceAttachments.sourceId,
      id: attachments.id,
      filename: sourceAttachments.filename,
      sha256: attachments.sha256,
      sizeBytes: attachments.sizeBytes,
      mediaType: attachments.mediaType,
      addedAt: sourceAttachments.createdAt,
      addedByName: users.name,
    })
    .from(sourceAttachments)
    .innerJoin(attachments, eq(attachments.id, sourceAttachments.attachmentId))
    .leftJoin(users, eq(users.id, sourceAttachments.createdBy))
    .where(sql`${sourceAttachments.sourceId} IN (${sql.join(sourceIds.map((id) => sql`${id}::uuid`), sql`, `)})`)
    .orderBy(asc(sourceAttachments.createdAt), asc(sourceAttachments.filename));
  for (const { sourceId, ...a } of rows) out.set(sourceId, [...(out.get(sourceId) ?? []), a]);
  return out;
}

const AGREEMENT_TITLE = sql.raw(`(sw.name || ' – ' || fo.name)`);

/** A source with its files, every place it is used, and its revisions. */
export async function getSource(db: Db, id: string) {
  const [row] = await db
    .select({ source: sources, createdByName: users.name })
    .from(sources)
    .leftJoin(users, eq(users.id, sources.createdBy))
    .where(eq(sources.id, id));
  if (!row) return null;

  const [files, eventUses, agreementUses, claimUses, history] = await Promise.all([
    attachmentsOfSources(db, [id]),
    queryRows<SourceEventUse>(
      db,
      sql`SELECT e.id AS "eventId", a.id AS "agreementId", ${AGREEMENT_TITLE} AS "agreementTitle", a.kind AS "agreementKind",
            e.status, e.effective_on::text AS "effectiveOn", e.effective_precision AS "effectivePrecision",
            NOT ${LIVE_EVENT} AS superseded, es.quote, es.page
          FROM event_sources es
          JOIN status_events e ON e.id = es.event_id
          JOIN agreements a ON a.id = e.agreement_id
          JOIN organizations sw ON sw.id = a.swedish_org_id
          JOIN organizations fo ON fo.id = a.foreign_org_id
          WHERE es.source_id = ${id}
          ORDER BY sw.name, fo.name, e.effective_on NULLS LAST, e.seq`,
    ),
    queryRows<SourceAgreementUse>(
      db,
      sql`SELECT a.id AS "agreementId", ${AGREEMENT_TITLE} AS "agreementTitle", a.kind AS "agreementKind", ags.quote, ags.page
          FROM agreement_sources ags
          JOIN agreements a ON a.id = ags.agreement_id
          JOIN organizations sw ON sw.id = a.swedish_org_id
          JOIN organizations fo ON fo.id = a.foreign_org_id
          WHERE ags.source_id = ${id}
          ORDER BY sw.name, fo.name`,
    ),
    queryRows<SourceClaimUse>(
      db,
      sql`SELECT fc.id AS "claimId", a.id AS "agreementId", ${AGREEMENT_TITLE} AS "agreementTitle", fc.field, fc.value, fc.quote, fc.page
          FROM field_claims fc
          JOIN agreements a ON a.id = fc.agreement_id
          JOIN organizations sw ON sw.id = a.swedish_org_id
          JOIN organizations fo ON fo.id = a.foreign_org_id
          WHERE fc.source_id = ${id}
          ORDER BY sw.name, fo.name, fc.field`,
    ),
    db
      .select({
        id: revisions.id,
        action: revisions.action,
        at: revisions.at,
        actorName: users.name,
        changedFields: revisions.changedFields,
        reason: revisions.reason,
      })
      .from(revisions)
      .innerJoin(users, eq(users.id, revisions.actorId))
      .where(sql`${revisions.entityType} = 'source' AND ${revisions.entityId} = ${id}`)
      .orderBy(desc(revisions.at), desc(revisions.id)),
  ]);

  // What the sources list counts (lib/sources/search.ts): live events only; an event a correction superseded is kept below as history.
  const liveEventUses = eventUses.filter((u) => !u.superseded);
  const useCounts = {
    agreements: new Set([...liveEventUses, ...agreementUses, ...claimUses].map((u) => u.agreementId)).size,
    events: liveEventUses.length,
  };
  return {
    source: row.source as Source,
    useCounts,
    createdByName: row.createdByName,
    attachments: files.get(id) ?? [],
    eventUses,
    agreementUses,
    claimUses,
    revisions: history as SourceRevisionView[],
  };
}

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;
