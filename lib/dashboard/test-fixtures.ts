// Small hand-made registries for the dashboard's integration tests: real rows, inserted the way
// the app inserts them (status events append-only; a past recording time is given explicitly).
import type { Db } from "@/db/client";
import { agreements, counties, eventSources, organizations, sources, statusEvents, users } from "@/db/schema";
import type { AgreementKind, EventStatus, ForeignLevel, Initiator, Reason, SwedishOrgKind } from "../domain/enums";
import { parsePartialDate } from "../domain/partial-date";
import type { Reader } from "../review/read-scope";

export interface EventSpec {
  date: string | null;
  reasons?: Reason[];
  initiatedBy?: Initiator;
  recordedAt?: Date;
  supersedes?: string;
  source?: boolean;
}

export async function dashboardFixture(db: Db) {
  const [user] = await db
    .insert(users)
    .values({ email: `fixture-${Math.random().toString(36).slice(2)}@example.invalid`, name: "Fixture", passwordHash: "!", roles: ["analyst"] })
    .returning();
  await db
    .insert(counties)
    .values([
      { code: "01", name: "Stockholms län" },
      { code: "03", name: "Uppsala län" },
    ])
    .onConflictDoNothing();
  const [source] = await db.insert(sources).values({ kind: "publication", citation: "Fixture report", title: "Fixture report" }).returning();
  let code = 1000;

  async function swedish(kind: SwedishOrgKind, countyCode: string, name: string) {
    const [o] = await db
      .insert(organizations)
      .values({ kind, name, officialCode: String(code++), countyCode, countryCode: "SE" })
      .returning();
    return o!.id;
  }
  async function foreign(name: string, level: ForeignLevel, parentId?: string) {
    const [o] = await db
      .insert(organizations)
      .values({ kind: "foreign", name, level, parentId: parentId ?? null, countryCode: "CN" })
      .returning();
    return o!.id;
  }
  /** Created on 1 January 2025 unless said otherwise, before the events of the tests were recorded. */
  async function agreement(kind: AgreementKind, swedishOrgId: string, foreignOrgId: string, createdAt = new Date("2025-01-01T00:00:00Z")) {
    const [a] = await db.insert(agreements).values({ kind, swedishOrgId, foreignOrgId, createdAt }).returning();
    return a!.id;
  }
  async function event(agreementId: string, status: EventStatus, spec: EventSpec) {
    const date = parsePartialDate(spec.date);
    const reasons = spec.reasons ?? [];
    const [e] = await db
      .insert(statusEvents)
      .values({
        agreementId,
        status,
        effectiveOn: date.on,
        effectivePrecision: date.precision,
        reasons,
        reasonOther: reasons.includes("other") ? "Annat" : null,
        initiatedBy: spec.initiatedBy ?? "unknown",
        recordedBy: user!.id,
        ...(spec.recordedAt ? { recordedAt: spec.recordedAt } : {}),
        ...(spec.supersedes ? { supersedesId: spec.supersedes, correctionReason: "Fel datum" } : {}),
      })
      .returning();
    if (spec.source) {
      await db.insert(eventSources).values({ eventId: e!.id, sourceId: source!.id, ...(spec.recordedAt ? { createdAt: spec.recordedAt } : {}) });
    }
    return e!.id;
  }
  return { userId: user!.id, sourceId: source!.id, swedish, foreign, agreement, event };
}

/** A reader who may see every proposal (an analyst), for tests of what the figures count. */
export const STAFF_READER: Reader = { id: "00000000-0000-4000-8000-0000000000aa", roles: ["analyst"], organizationId: null };
