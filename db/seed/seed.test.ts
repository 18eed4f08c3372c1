import { count, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { currentState } from "@/lib/events/timeline";
import { ENDING_STATUSES } from "@/lib/domain/enums";
import { queryRows } from "../client";
import { agreements, eventSources, organizations, sources, statusEvents, users } from "../schema";
import { describeEachDriver } from "../testing";
import { seedDatabase } from "./index";

describeEachDriver("seeding the report's dataset", (db) => {
  let first: Awaited<ReturnType<typeof seedDatabase>>;

  beforeAll(async () => {
    first = await seedDatabase(db(), { demoUsers: true });
  });

  it("ships every Swedish kommun, region and länsstyrelse from the reference lists", async () => {
    const rows = await db().select({ kind: organizations.kind, n: count() }).from(organizations).groupBy(organizations.kind);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({ kommun: 290, region: 21, lansstyrelse: 21 });
  });

  it("seeds every row of the appendix, two agreements where a row lists two", async () => {
    const rows = await db().select({ kind: agreements.kind, n: count() }).from(agreements).groupBy(agreements.kind);
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.n]))).toEqual({ twin_city: 47, partnership: 9 });
  });

  it("gives every seeded event at least one source", async () => {
    const unsourced = await queryRows<{ id: string }>(
      db(),
      sql`SELECT e.id FROM status_events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)`,
    );
    expect(unsourced).toEqual([]);
  });

  it("reproduces the report's headline figures from the events", async () => {
    const events = await db().select().from(statusEvents);
    const kinds = new Map((await db().select({ id: agreements.id, kind: agreements.kind }).from(agreements)).map((a) => [a.id, a.kind]));
    const byAgreement = new Map<string, typeof events>();
    for (const e of events) byAgreement.set(e.agreementId, [...(byAgreement.get(e.agreementId) ?? []), e]);
    // In force in year Y: established by Y, and not ended in a known year ≤ Y (the report's rule).
    const inForce = (year: number, kind: string) =>
      [...byAgreement].filter(([id, evs]) => {
        if (kinds.get(id) !== kind) return false;
        const start = Math.min(...evs.filter((e) => e.effectiveOn).map((e) => Number(e.effectiveOn!.slice(0, 4))));
        const ended = evs.some((e) => ENDING_STATUSES.includes(e.status) && e.effectiveOn && Number(e.effectiveOn.slice(0, 4)) <= year);
        return start <= year && !ended;
      }).length;
    expect(inForce(2016, "twin_city")).toBe(41);
    expect(inForce(2021, "twin_city")).toBe(28);
    expect(inForce(2021, "partnership")).toBe(1);
    const endings2017to2021 = events.filter(
      (e) => ENDING_STATUSES.includes(e.status) && e.effectiveOn && e.effectiveOn >= "2017-01-01" && e.effectiveOn < "2022-01-01",
    );
    expect(endings2017to2021).toHaveLength(21);
    expect(endings2017to2021.filter((e) => e.initiatedBy === "counterpart")).toHaveLength(1);
    const ended = [...byAgreement.values()].filter((evs) => currentState(evs)?.state === "ended");
    expect(ended.length).toBeGreaterThanOrEqual(27);
  });

  it("records Mora's 2020 termination with its protocol", async () => {
    const rows = await queryRows<{ status: string; effective_on: string; paragraph: string; diarienummer: string }>(
      db(),
      sql`SELECT e.status, e.effective_on::text, s.paragraph, s.diarienummer
          FROM status_events e
          JOIN agreements a ON a.id = e.agreement_id
          JOIN organizations o ON o.id = a.swedish_org_id AND o.official_code = '2062'
          JOIN event_sources es ON es.event_id = e.id JOIN sources s ON s.id = es.source_id
          WHERE e.status = 'terminated' AND s.kind = 'protocol'`,
    );
    expect(rows).toEqual([{ status: "terminated", effective_on: "2020-09-14", paragraph: "§158", diarienummer: "KS 2020/00265-2" }]);
  });

  it("is idempotent: a second run inserts nothing", async () => {
    expect(first.inserted.agreements).toBe(56);
    const before = await Promise.all([statusEvents, sources, eventSources, users].map((t) => db().select({ n: count() }).from(t)));
    const second = await seedDatabase(db(), { demoUsers: true });
    expect(second.inserted).toEqual({ organizations: 0, agreements: 0, events: 0, sources: 0, users: 0 });
    const after = await Promise.all([statusEvents, sources, eventSources, users].map((t) => db().select({ n: count() }).from(t)));
    expect(after).toEqual(before);
    expect(second.demoAccounts.map((a) => a.role)).toEqual(["admin", "analyst", "reviewer", "municipal_official"]);
  });

  it("binds the demo official to Bengtsfors", async () => {
    const [official] = await db()
      .select({ org: organizations.name })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.email, "bengtsfors@demo.avtalsregistret.se"));
    expect(official?.org).toBe("Bengtsfors");
  });
});
