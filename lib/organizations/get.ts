import { asc, eq, inArray, or, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
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
  /** For a province or city: the subordinate party that is the agreement's party (null when it is this one). */
  via: Pick<Organization, "id" | "name" | "nameNative"> | null;
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

  // A province's page also lists the agreements of the cities below it.
  const descendants = await queryRows<{ id: string; name: string; nameNative: string | null }>(
    db,
    sql`WITH RECURSIVE d AS (
          SELECT id, name, name_native FROM organizations WHERE parent_id = ${id}
          UNION SELECT o.id, o.name, o.name_native FROM organizations o JOIN d ON o.parent_id = d.id
        ) SELECT id, name, name_native AS "nameNative" FROM d`,
  );
  const below = new Map(descendants.map((d) => [d.id, d]));
  const partyIds = [id, ...below.keys()];

  const swedishParty = alias(organizations, "swedish_party");
  const foreignParty = alias(organizations, "foreign_party");
  const rows = await db
    .select({
      agreement: agreements,
      swedish: { id: swedishParty.id, name: swedishParty.name, nameNative: swedishParty.nameNative, kind: swedishParty.kind },
      foreign: { id: foreignParty.id, name: foreignParty.name, nameNative: foreignParty.nameNative, kind: foreignParty.kind },
    })
    .from(agreements)
    .innerJoin(swedishParty, eq(swedishParty.id, agreements.swedishOrgId))
    .innerJoin(foreignParty, eq(foreignParty.id, agreements.foreignOrgId))
    .where(or(eq(agreements.swedishOrgId, id), inArray(agreements.foreignOrgId, partyIds)));
  const ids = rows.map((r) => r.agreement.id);
  const events = ids.length ? await db.select().from(statusEvents).where(inArray(statusEvents.agreementId, ids)) : [];

  const list: OrganizationAgreement[] = rows
    .map(({ agreement, swedish, foreign }) => {
      const own = events.filter((e) => e.agreementId === agreement.id);
      const isSwedishSide = agreement.swedishOrgId === id;
      return {
        id: agreement.id,
        kind: agreement.kind,
        designation: agreement.designation,
        establishedOn: agreement.establishedOn,
        establishedPrecision: agreement.establishedPrecision,
        counterpart: isSwedishSide ? foreign : swedish,
        via: !isSwedishSide && foreign.id !== id ? (below.get(foreign.id) ?? null) : null,
        events: orderTimeline(own)
          .filter((e) => !e.supersededBy)
          .map((e) => e.event),
        state: currentState(own)?.state ?? null,
      };
    })
    .sort(
      (a, b) =>
        Number(a.via !== null) - Number(b.via !== null) ||
        (a.via?.name ?? "").localeCompare(b.via?.name ?? "", "sv") ||
        a.counterpart.name.localeCompare(b.counterpart.name, "sv") ||
        a.kind.localeCompare(b.kind),
    );

  return { ...org, parents, children, agreements: list };
}

export type OrganizationDetail = NonNullable<Awaited<ReturnType<typeof getOrganization>>>;
