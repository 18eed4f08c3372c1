import { beforeAll, expect, it } from "vitest";
import { proposals } from "@/db/schema";
import { describeEachDriver } from "@/db/testing";
import { curationMetrics } from "./curation";
import { drilldownKeys } from "./drilldown";
import type { DashboardQuery } from "./query";
import { dashboardFixture, STAFF_READER } from "./test-fixtures";

const query = (over: Partial<DashboardQuery> = {}): DashboardQuery => ({ from: 2000, to: 2010, asOf: null, recordedOn: null, filters: {}, ...over });

describeEachDriver("curation metrics", (db) => {
  beforeAll(async () => {
    const f = await dashboardFixture(db());
    const province = await f.foreign("Province", "province");
    const kommun = await f.swedish("kommun", "01", "Aby");
    const jan = new Date("2025-01-10T12:00:00Z");
    const mar = new Date("2025-03-02T12:00:00Z");
    const sourced = await f.agreement("twin_city", kommun, province);
    await f.event(sourced, "active", { date: "2001", recordedAt: jan, source: true });
    const wrong = await f.event(sourced, "terminated", { date: "2004", recordedAt: jan });
    await f.event(sourced, "terminated", { date: "2005", recordedAt: mar, supersedes: wrong, source: true });
    const unsourced = await f.agreement("twin_city", kommun, province);
    await f.event(unsourced, "active", { date: "2002", recordedAt: jan });
    await f.agreement("partnership", kommun, province); // no events at all

    const base = { kind: "event.create" as const, payload: {}, authorId: f.userId, agreementId: sourced };
    await db().insert(proposals).values([
      { ...base, status: "approved", createdAt: new Date("2025-01-05T10:00:00Z"), decidedAt: new Date("2025-01-15T10:00:00Z"), decidedBy: f.userId },
      { ...base, status: "rejected", createdAt: new Date("2025-02-01T10:00:00Z"), decidedAt: new Date("2025-02-05T10:00:00Z"), decidedBy: f.userId },
      { ...base, status: "open", createdAt: new Date("2025-02-10T10:00:00Z") },
    ]);
  });

  it("counts events recorded per month, corrections apart", async () => {
    const c = await curationMetrics(db(), query());
    expect(c.eventsPerMonth).toEqual([
      { month: "2025-01", added: 3, corrections: 0 },
      { month: "2025-03", added: 0, corrections: 1 },
    ]);
  });

  it("counts events per month the same way with a filter that selects every agreement, and none with one that selects none", async () => {
    const all = await curationMetrics(db(), query());
    const county = await curationMetrics(db(), query({ filters: { county: "01" } }));
    expect(county.eventsPerMonth).toEqual(all.eventsPerMonth);
    expect({ live: county.liveEvents, sourced: county.sourcedEvents, without: county.agreementsWithoutSource }).toEqual({ live: 3, sourced: 2, without: 2 });
    const none = await curationMetrics(db(), query({ filters: { county: "03" } }));
    expect(none.eventsPerMonth).toEqual([]);
    expect(none.agreements).toBe(0);
    expect((await curationMetrics(db(), query({ recordedOn: "2025-01-31", filters: { kind: "twin_city" } }))).eventsPerMonth).toEqual([
      { month: "2025-01", added: 3, corrections: 0 },
    ]);
  });

  it("counts proposals opened and decided per month, and the days they waited for review", async () => {
    const c = await curationMetrics(db(), query());
    expect(c.proposalsPerMonth).toEqual([
      { month: "2025-01", opened: 1, approved: 1, rejected: 0 },
      { month: "2025-02", opened: 2, approved: 0, rejected: 1 },
    ]);
    expect(c.proposals).toEqual({ open: 1, approved: 1, rejected: 1, withdrawn: 0, medianDaysToReview: 7, meanDaysToReview: 7 });
    const early = await curationMetrics(db(), query({ recordedOn: "2025-01-12" }));
    expect(early.proposals).toMatchObject({ open: 1, approved: 0, rejected: 0, medianDaysToReview: null });
  });

  it("gives the share of live events citing a source and the agreements without any source", async () => {
    const c = await curationMetrics(db(), query());
    expect({ live: c.liveEvents, sourced: c.sourcedEvents, without: c.agreementsWithoutSource, agreements: c.agreements }).toEqual({
      live: 3,
      sourced: 2,
      without: 2,
      agreements: 3,
    });
    // As recorded in January the wrong termination was live and unsourced.
    const jan = await curationMetrics(db(), query({ recordedOn: "2025-01-31" }));
    expect({ live: jan.liveEvents, sourced: jan.sourcedEvents }).toEqual({ live: 3, sourced: 1 });
    expect((await drilldownKeys(db(), STAFF_READER, { series: "unsourcedEvents", recordedOn: "2025-01-31" })).length).toBe(2);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "unsourcedAgreements" })).length).toBe(2);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "eventsRecorded", month: "2025-01" })).length).toBe(3);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "proposals", month: "2025-02", outcome: "opened" })).length).toBe(2);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "proposals", month: "2025-02", outcome: "rejected" })).length).toBe(1);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "proposals", outcome: "open" })).length).toBe(c.proposals.open);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "proposals", outcome: "open", recordedOn: "2025-01-12" })).length).toBe(1);
    expect((await drilldownKeys(db(), STAFF_READER, { series: "eventsRecorded", correction: "1" })).length).toBe(1);
  });
});
