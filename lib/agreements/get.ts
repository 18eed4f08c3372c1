import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  agreementSources,
  agreements,
  counties,
  eventSources,
  organizations,
  sources,
  statusEvents,
  users,
  type Source,
  type StatusEvent,
} from "@/db/schema";
import { orderTimeline, currentState } from "../events/timeline";

export interface SourceUse {
  source: Source;
  quote: string | null;
  page: string | null;
}
export interface EventWithSources extends StatusEvent {
  recordedByName: string;
  sources: SourceUse[];
}

/** An agreement with its parties, its sources and its status history (newest first). */
export async function getAgreement(db: Db, id: string) {
  const swedish = alias(organizations, "swedish");
  const foreign = alias(organizations, "foreign");
  const [row] = await db
    .select({ agreement: agreements, swedish, foreign, countyName: counties.name })
    .from(agreements)
    .innerJoin(swedish, eq(swedish.id, agreements.swedishOrgId))
    .innerJoin(foreign, eq(foreign.id, agreements.foreignOrgId))
    .leftJoin(counties, eq(counties.code, swedish.countyCode))
    .where(eq(agreements.id, id));
  if (!row) return null;

  const events = await db
    .select({ event: statusEvents, recordedByName: users.name })
    .from(statusEvents)
    .innerJoin(users, eq(users.id, statusEvents.recordedBy))
    .where(eq(statusEvents.agreementId, id))
    .orderBy(asc(statusEvents.seq));
  const eventIds = events.map((e) => e.event.id);
  const eventSourceRows = eventIds.length
    ? await db
        .select({ eventId: eventSources.eventId, quote: eventSources.quote, page: eventSources.page, source: sources })
        .from(eventSources)
        .innerJoin(sources, eq(sources.id, eventSources.sourceId))
        .where(inArray(eventSources.eventId, eventIds))
    : [];
  const withSources: EventWithSources[] = events.map(({ event, recordedByName }) => ({
    ...event,
    recordedByName,
    sources: eventSourceRows.filter((r) => r.eventId === event.id).map(({ source, quote, page }) => ({ source, quote, page })),
  }));

  const agreementSourceRows = await db
    .select({ quote: agreementSources.quote, page: agreementSources.page, source: sources })
    .from(agreementSources)
    .innerJoin(sources, eq(sources.id, agreementSources.sourceId))
    .where(eq(agreementSources.agreementId, id));

  const parentChain = await foreignParentChain(db, row.foreign.parentId);
  return {
    ...row,
    foreignParents: parentChain,
    sources: agreementSourceRows,
    timeline: orderTimeline(withSources).reverse(),
    current: currentState(withSources),
  };
}

export type AgreementDetail = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

async function foreignParentChain(db: Db, parentId: string | null) {
  const chain: (typeof organizations.$inferSelect)[] = [];
  let next = parentId;
  while (next && chain.length < 5) {
    const [parent] = await db.select().from(organizations).where(eq(organizations.id, next));
    if (!parent) break;
    chain.push(parent);
    next = parent.parentId;
  }
  return chain;
}
