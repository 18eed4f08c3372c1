import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { eventSources, proposals, sources, statusEvents, users, type Source, type StatusEvent } from "@/db/schema";
import { attachmentsOfSources, type SourceAttachmentView } from "../sources/get";
import { currentState, orderTimeline } from "./timeline";

export interface EvidenceUse {
  source: Source;
  quote: string | null;
  page: string | null;
  addedAt: Date;
  attachments: SourceAttachmentView[];
}

export interface HistoryEntry extends StatusEvent {
  recordedByName: string;
  /** For an event published through a proposal: the reviewer who approved it (the author is recordedByName). */
  approvedByName: string | null;
  sources: EvidenceUse[];
  /** An event without evidence is an unconfirmed draft until a source is added. */
  confirmed: boolean;
  /** The correction that replaced this event: who, when, why. */
  supersededBy: { id: string; status: StatusEvent["status"]; recordedByName: string; recordedAt: Date; correctionReason: string | null } | null;
}

/**
 * An agreement's status events with their evidence and files, ordered in the time of the world
 * (lib/events/timeline.ts): `entries` newest first for the list, `live` oldest first without the
 * superseded ones for the visual timeline, and the current state.
 */
export async function getEventHistory(db: Db, agreementId: string) {
  const reviewer = alias(users, "reviewer");
  const rows = await db
    .select({ event: statusEvents, recordedByName: users.name, approvedByName: reviewer.name })
    .from(statusEvents)
    .innerJoin(users, eq(users.id, statusEvents.recordedBy))
    .leftJoin(proposals, eq(proposals.id, statusEvents.proposalId))
    .leftJoin(reviewer, eq(reviewer.id, proposals.decidedBy))
    .where(eq(statusEvents.agreementId, agreementId))
    .orderBy(asc(statusEvents.seq));
  const ids = rows.map((r) => r.event.id);
  const links = ids.length
    ? await db
        .select({ eventId: eventSources.eventId, quote: eventSources.quote, page: eventSources.page, addedAt: eventSources.createdAt, source: sources })
        .from(eventSources)
        .innerJoin(sources, eq(sources.id, eventSources.sourceId))
        .where(inArray(eventSources.eventId, ids))
        .orderBy(asc(eventSources.createdAt))
    : [];
  const files = await attachmentsOfSources(db, [...new Set(links.map((l) => l.source.id))]);
  const byId = new Map(rows.map((r) => [r.event.id, r]));

  const events = rows.map(({ event, recordedByName, approvedByName }) => {
    const uses = links
      .filter((l) => l.eventId === event.id)
      .map(({ source, quote, page, addedAt }) => ({ source, quote, page, addedAt, attachments: files.get(source.id) ?? [] }));
    return { ...event, recordedByName, approvedByName: event.proposalId ? approvedByName : null, sources: uses, confirmed: uses.length > 0 };
  });
  const ordered = orderTimeline(events);
  const entries: HistoryEntry[] = ordered.map(({ event, supersededBy }) => ({
    ...event,
    supersededBy: supersededBy
      ? {
          id: supersededBy.id,
          status: supersededBy.status,
          recordedByName: byId.get(supersededBy.id)!.recordedByName,
          recordedAt: supersededBy.recordedAt,
          correctionReason: supersededBy.correctionReason,
        }
      : null,
  }));
  return {
    entries: [...entries].reverse(),
    live: entries.filter((e) => !e.supersededBy),
    current: currentState(events),
    /** For the form's transition hints: the rules' view of the history. */
    rulesHistory: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      status: e.status,
      effectiveOn: e.effectiveOn,
      effectivePrecision: e.effectivePrecision,
      supersedesId: e.supersedesId,
    })),
  };
}

export type EventHistory = Awaited<ReturnType<typeof getEventHistory>>;
