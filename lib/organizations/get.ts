import { asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { agreements, counties, organizations, statusEvents, type Organization, type StatusEvent } from "@/db/schema";
import { currentState, orderTimeline } from "../events/timeline";
import type { AgreementState } from "../domain/status";

export interface OrganizationAgreement {
  id: string;
  kind: (typeof agreements.$inferSelect)["kind"];
  designation: string | null;
  establishedOn: string | null;
  establishedPrecision: (typeof agreements.$inferSelect)["establishedPrecision"];
  counterpart: Pick<Organization, "id" | "name" | "nameNative" | "kind">;
  /** Live events (corrections applied), oldest first. */
  events: StatusEvent[];
  state: AgreementState | null;
}

/** An organisation with every agreement it is a party to, each with its status over time. */
export async function getOrganization(db: Db, id: string) {
  const [org] = await db
    .select({ org: organizations, countyName: counties.name })
    .from(organizations)
    .leftJoin(counties, eq(counties.code, organizations.countyCode))
    .where(eq(organizations.id, id));
  if (!org) return null;

  const parents: Organization[] = [];
  let next = org.org.parentId;
  while (next && parents.length < 6) {
    const [parent] = await db.select().from(organizations).where(eq(organizations.id, next));
    if (!parent) break;
    parents.push(parent);
    next = parent.parentId;
  }
  const children = await db.select().from(organizations).where(eq(organizations.parentId, id)).orderBy(asc(organizations.name));

  const counterpart = alias(organizations, "counterpart");
  const rows = await db
    .select({ agreement: agreements, counterpart: { id: counterpart.id, name: counterpart.name, nameNative: counterpart.nameNative, kind: counterpart.kind } })
    .from(agreements)
    .innerJoin(
      counterpart,
      sql`${counterpart.id} = CASE WHEN ${agreements.swedishOrgId} = ${id} THEN ${agreements.foreignOrgId} ELSE ${agreements.swedishOrgId} END`,
    )
    .where(or(eq(agreements.swedishOrgId, id), eq(agreements.foreignOrgId, id)));
  const ids = rows.map((r) => r.agreement.id);
  const events = ids.length ? await db.select().from(statusEvents).where(inArray(statusEvents.agreementId, ids)) : [];

  const list: OrganizationAgreement[] = rows
    .map(({ agreement, counterpart: other }) => {
      const own = events.filter((e) => e.agreementId === agreement.id);
      return {
        id: agreement.id,
        kind: agreement.kind,
        designation: agreement.designation,
        establishedOn: agreement.establishedOn,
        establishedPrecision: agreement.establishedPrecision,
        counterpart: other,
        events: orderTimeline(own)
          .filter((e) => !e.supersededBy)
          .map((e) => e.event),
        state: currentState(own)?.state ?? null,
      };
    })
    .sort((a, b) => a.counterpart.name.localeCompare(b.counterpart.name, "sv") || a.kind.localeCompare(b.kind));

  return { ...org, parents, children, agreements: list };
}

export type OrganizationDetail = NonNullable<Awaited<ReturnType<typeof getOrganization>>>;
