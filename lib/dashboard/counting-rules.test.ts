import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { statusEvents } from "@/db/schema";
import { describeEachDriver } from "@/db/testing";
import { currentState } from "../events/timeline";
import { changesPerYear } from "./changes";
import { drilldownKeys } from "./drilldown";
import { inForcePerYear } from "./in-force";
import { nowCounts } from "./now";
import type { DashboardQuery } from "./query";
import { dashboardFixture, STAFF_READER } from "./test-fixtures";

// Hand-made histories covering every status, every date precision, a correction and unknown
// dates, recorded on 10 January 2025 (the correction on 1 March 2025).

const RECORDED = new Date("2025-01-10T12:00:00Z");
const CORRECTED = new Date("2025-03-01T12:00:00Z");

const query = (over: Partial<DashboardQuery> = {}): DashboardQuery => ({ from: 2000, to: 2008, asOf: null, recordedOn: null, filters: {}, ...over });

function table<R extends { year: number | null; count: number }>(rows: R[], keys: (keyof R)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.count) out[[r.year ?? "unknown", ...keys.map((k) => String(r[k]))].join(" ")] = r.count;
  return out;
}

describeEachDriver("dashboard counting rules", (db) => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const f = await dashboardFixture(db());
    const p1 = await f.foreign("Province One", "province");
    const p1city = await f.foreign("City under One", "prefecture_city", p1);
    const p1town = await f.foreign("Town under City", "county_city", p1city);
    const p2 = await f.foreign("Province Two", "province");
    const loose = await f.foreign("Town without province", "county_city");
    const k1 = await f.swedish("kommun", "01", "Aby");
    const k2 = await f.swedish("kommun", "03", "Bby");
    const r3 = await f.swedish("region", "03", "Region Cby");
    const l1 = await f.swedish("lansstyrelse", "01", "Länsstyrelsen Dby");
    const at = { recordedAt: RECORDED, source: true };

    // A1: every precision; dormant, resumed, then terminated.
    ids.a1 = await f.agreement("twin_city", k1, p1city);
    await f.event(ids.a1, "active", { date: "2001", ...at });
    await f.event(ids.a1, "dormant", { date: "2003-05", ...at });
    await f.event(ids.a1, "resumed", { date: "2005-03-15", ...at });
    ids.a1end = await f.event(ids.a1, "terminated", { date: "2008", reasons: ["human_rights"], initiatedBy: "swedish_side", ...at });
    // A2: a partnership paused, resumed and partially terminated.
    ids.a2 = await f.agreement("partnership", r3, p2);
    await f.event(ids.a2, "active", { date: "2002", ...at });
    await f.event(ids.a2, "paused", { date: "2004", reasons: ["other"], initiatedBy: "swedish_side", ...at });
    await f.event(ids.a2, "resumed", { date: "2005", ...at });
    await f.event(ids.a2, "partially_terminated", { date: "2006-09", ...at });
    // A3: ended at an unknown date (placed after its establishment in 2000).
    ids.a3 = await f.agreement("twin_city", l1, p1town);
    await f.event(ids.a3, "active", { date: "2000", ...at });
    await f.event(ids.a3, "terminated", { date: null, recordedAt: RECORDED });
    // A4: a termination in 2004, corrected to 2006 on 1 March 2025.
    ids.a4 = await f.agreement("twin_city", k2, p1);
    await f.event(ids.a4, "active", { date: "2002", ...at });
    ids.a4wrong = await f.event(ids.a4, "terminated", { date: "2004", reasons: ["lack_of_activity"], initiatedBy: "swedish_side", ...at });
    await f.event(ids.a4, "terminated", { date: "2006", reasons: ["lack_of_activity"], initiatedBy: "swedish_side", supersedes: ids.a4wrong, recordedAt: CORRECTED, source: true });
    // A5: dormant at an unknown date, then terminated by the counterpart.
    ids.a5 = await f.agreement("twin_city", k1, loose);
    await f.event(ids.a5, "active", { date: "2001", ...at });
    await f.event(ids.a5, "dormant", { date: null, recordedAt: RECORDED });
    await f.event(ids.a5, "terminated_by_counterpart", { date: "2007", reasons: ["chinese_state_conduct", "human_rights"], initiatedBy: "counterpart", ...at });
    // A6: established at an unknown date, nothing dated before: cannot be placed in time.
    ids.a6 = await f.agreement("twin_city", k2, p2);
    await f.event(ids.a6, "active", { date: null, recordedAt: RECORDED });
    // A7: no event at all.
    ids.a7 = await f.agreement("partnership", k2, p1);
    // A8: established and ended within 2003.
    ids.a8 = await f.agreement("twin_city", k1, p2);
    await f.event(ids.a8, "active", { date: "2003-02", ...at });
    await f.event(ids.a8, "terminated", { date: "2003-11", initiatedBy: "both", ...at });
    // A9: another kind, established on a day.
    ids.a9 = await f.agreement("other", r3, p1);
    await f.event(ids.a9, "active", { date: "2004-06-15", ...at });
  });

  it("counts agreements in force at the end of each year, by kind and state, from the events", async () => {
    const rows = await inForcePerYear(db(), query());
    expect(table(rows, ["kind", "state"])).toEqual({
      "2000 twin_city ended_unknown": 1,
      "2001 twin_city active": 1,
      "2001 twin_city dormant": 1,
      "2001 twin_city ended_unknown": 1,
      "2002 partnership active": 1,
      "2002 twin_city active": 2,
      "2002 twin_city dormant": 1,
      "2002 twin_city ended_unknown": 1,
      "2003 partnership active": 1,
      "2003 twin_city active": 1,
      "2003 twin_city dormant": 2,
      "2003 twin_city ended_unknown": 1,
      "2004 other active": 1,
      "2004 partnership paused": 1,
      "2004 twin_city active": 1,
      "2004 twin_city dormant": 2,
      "2004 twin_city ended_unknown": 1,
      "2005 other active": 1,
      "2005 partnership active": 1,
      "2005 twin_city active": 2,
      "2005 twin_city dormant": 1,
      "2005 twin_city ended_unknown": 1,
      "2006 other active": 1,
      "2006 partnership partially_terminated": 1,
      "2006 twin_city active": 1,
      "2006 twin_city dormant": 1,
      "2006 twin_city ended_unknown": 1,
      "2007 other active": 1,
      "2007 partnership partially_terminated": 1,
      "2007 twin_city active": 1,
      "2007 twin_city ended_unknown": 1,
      "2008 other active": 1,
      "2008 partnership partially_terminated": 1,
      "2008 twin_city ended_unknown": 1,
    });
  });

  it("gives every year of the range a row, and a range that starts late counts what was already in force", async () => {
    const rows = await inForcePerYear(db(), query({ from: 2005, to: 2006 }));
    expect(table(rows, ["kind", "state"])).toEqual({
      "2005 other active": 1,
      "2005 partnership active": 1,
      "2005 twin_city active": 2,
      "2005 twin_city dormant": 1,
      "2005 twin_city ended_unknown": 1,
      "2006 other active": 1,
      "2006 partnership partially_terminated": 1,
      "2006 twin_city active": 1,
      "2006 twin_city dormant": 1,
      "2006 twin_city ended_unknown": 1,
    });
    const years = new Set(rows.map((r) => r.year));
    expect([...years]).toEqual([2005, 2006]);
  });

  it("counts terminations and pauses per year by initiator and by reason, with unknown dates apart, corrections applied", async () => {
    const { byInitiator, byReason } = await changesPerYear(db(), query());
    expect(table(byInitiator, ["change", "initiator"])).toEqual({
      "2003 ended both": 1,
      "2004 paused swedish_side": 1,
      "2006 ended swedish_side": 1,
      "2006 partially_terminated unknown": 1,
      "2007 ended counterpart": 1,
      "2008 ended swedish_side": 1,
      "unknown ended unknown": 1,
    });
    expect(table(byReason, ["change", "reason"])).toEqual({
      "2003 ended none": 1,
      "2004 paused other": 1,
      "2006 ended lack_of_activity": 1,
      "2006 partially_terminated none": 1,
      "2007 ended chinese_state_conduct": 1,
      "2007 ended human_rights": 1,
      "2008 ended human_rights": 1,
      "unknown ended none": 1,
    });
  });

  it("counts the latest state of every agreement, including one that cannot be placed in time and one without events", async () => {
    const rows = await nowCounts(db(), query());
    const byState = Object.fromEntries(rows.filter((r) => r.dimension === "state").map((r) => [r.value, r.count]));
    expect(byState).toEqual({ active: 2, ended: 4, ended_unknown: 1, partially_terminated: 1, none: 1 });
    const reasons = Object.fromEntries(
      Object.entries(
        rows.filter((r) => r.dimension === "endingReason").reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.value!]: (acc[r.value!] ?? 0) + r.count }), {}),
      ),
    );
    expect(reasons).toEqual({ human_rights: 2, lack_of_activity: 1, chinese_state_conduct: 1, none: 2 });
    const sum = (dimension: string) => rows.filter((r) => r.dimension === dimension).reduce((n, r) => n + r.count, 0);
    for (const d of ["kind", "partyType", "county", "province"]) expect(sum(d), d).toBe(9);
    const byCounty = rows.filter((r) => r.dimension === "county").reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.value!]: (acc[r.value!] ?? 0) + r.count }), {});
    expect(byCounty).toEqual({ "01": 4, "03": 5 });
    const noProvince = rows.filter((r) => r.dimension === "province" && r.value === null);
    expect(noProvince).toEqual([{ dimension: "province", value: null, state: "ended", count: 1 }]);
  });

  it("agrees with lib/events' currentState for every agreement", async () => {
    const events = await db().select().from(statusEvents);
    const last = await queryRows<{ agreement_id: string; state: string }>(db(), sql`SELECT agreement_id, state FROM status_timeline WHERE is_last`);
    for (const row of last) {
      const expected = currentState(events.filter((e) => e.agreementId === row.agreement_id))?.state;
      expect(row.state === "ended_unknown" ? "ended" : row.state, row.agreement_id).toBe(expected);
    }
    expect(last).toHaveLength(8);
  });

  it("walks the foreign party's parent chain to its province", async () => {
    const rows = await nowCounts(db(), query());
    const provinces = rows.filter((r) => r.dimension === "province").reduce<Record<string, number>>((acc, r) => ({ ...acc, [String(r.value)]: (acc[String(r.value)] ?? 0) + r.count }), {});
    // Province One: A1 (city), A3 (town under the city), A4, A7, A9; Province Two: A2, A6, A8; none: A5.
    expect(Object.values(provinces).sort()).toEqual([1, 3, 5]);
  });

  it("answers as of a day in the world, at day precision, counting a year-dated change from the year's first day", async () => {
    const before = await nowCounts(db(), query({ asOf: "2004-06-14" }));
    const on = await nowCounts(db(), query({ asOf: "2004-06-15" }));
    const states = (rows: typeof before) => Object.fromEntries(rows.filter((r) => r.dimension === "state").map((r) => [r.value, r.count]));
    // A1 dormant, A2 paused (2004), A3 ended at an unknown date, A4 active, A5 dormant, A8 ended; A6, A7, A9 none.
    expect(states(before)).toEqual({ dormant: 2, paused: 1, ended_unknown: 1, active: 1, ended: 1, none: 3 });
    expect(states(on)).toEqual({ dormant: 2, paused: 1, ended_unknown: 1, active: 2, ended: 1, none: 2 });
    const mid2003 = await nowCounts(db(), query({ asOf: "2003-06-30" }));
    expect(states(mid2003)).toMatchObject({ active: 3 }); // A2, A4 and A8 (Feb–Nov 2003); A1 dormant since May
  });

  it("stops the yearly series at the as-of day and counts its last year as of that day", async () => {
    const rows = await inForcePerYear(db(), query({ from: 2002, to: 2003, asOf: "2003-06-30" }));
    expect(table(rows.filter((r) => r.year === 2003), ["kind", "state"])).toEqual({
      "2003 partnership active": 1,
      "2003 twin_city active": 2, // A4 and A8 (ended in November)
      "2003 twin_city dormant": 2,
      "2003 twin_city ended_unknown": 1,
    });
  });

  it("filters by county, kind, party type and province", async () => {
    const count = async (filters: DashboardQuery["filters"]) =>
      (await nowCounts(db(), query({ filters }))).filter((r) => r.dimension === "state").reduce((n, r) => n + r.count, 0);
    expect(await count({ county: "01" })).toBe(4);
    expect(await count({ kind: "partnership" })).toBe(2);
    expect(await count({ partyType: "region" })).toBe(2);
    const [p1] = await queryRows<{ id: string }>(db(), sql`SELECT id FROM organizations WHERE name = 'Province One'`);
    expect(await count({ province: p1!.id })).toBe(5);
    expect(await count({ province: p1!.id, kind: "twin_city", county: "01" })).toBe(2);
    expect(await count({ noProvince: true })).toBe(1);
  });

  it("lists exactly the agreements behind every cell", async () => {
    const q = query();
    for (const r of await inForcePerYear(db(), q)) {
      const keys = await drilldownKeys(db(), STAFF_READER, { series: "inForce", from: q.from, to: q.to, year: r.year, kind: r.kind, state: r.state });
      expect(keys.length, `${r.year} ${r.kind} ${r.state}`).toBe(r.count);
    }
    const { byInitiator, byReason } = await changesPerYear(db(), q);
    for (const r of byInitiator) {
      const keys = await drilldownKeys(db(), STAFF_READER, { series: "changes", from: q.from, to: q.to, year: r.year ?? "unknown", change: r.change, initiator: r.initiator });
      expect(keys.length).toBe(r.count);
    }
    for (const r of byReason) {
      const keys = await drilldownKeys(db(), STAFF_READER, { series: "changes", from: q.from, to: q.to, year: r.year ?? "unknown", change: r.change, reason: r.reason });
      expect(keys.length).toBe(r.count);
    }
    for (const asOf of [undefined, "2004-06-15"]) {
      for (const r of await nowCounts(db(), query({ asOf: asOf ?? null }))) {
        const cell =
          r.dimension === "endingReason"
            ? { endingReason: r.value as "none", state: r.state }
            : r.dimension === "state"
              ? { state: r.state }
              : r.dimension === "province" && r.value === null
                ? { noProvince: "1" as const, state: r.state }
                : { [r.dimension]: r.value, state: r.state };
        const keys = await drilldownKeys(db(), STAFF_READER, { series: "now", asOf, ...cell });
        expect(keys.length, JSON.stringify(r)).toBe(r.count);
      }
    }
  });

  it("as recorded on a day, counts only the events recorded by then: a later correction or event changes nothing", async () => {
    const asRecorded = (recordedOn: string) => query({ recordedOn });
    // On 1 February 2025 the registry still held A4's termination in 2004.
    const feb = table(await inForcePerYear(db(), asRecorded("2025-02-01")), ["kind", "state"]);
    const mar = table(await inForcePerYear(db(), asRecorded("2025-03-01")), ["kind", "state"]);
    expect(feb["2005 twin_city active"]).toBe(1);
    expect(mar["2005 twin_city active"]).toBe(2);
    const febChanges = await changesPerYear(db(), asRecorded("2025-02-01"));
    expect(table(febChanges.byInitiator, ["change", "initiator"])["2004 ended swedish_side"]).toBe(1);
    // Before anything was recorded: nothing at all, and no agreement either (they were created later).
    expect(await inForcePerYear(db(), asRecorded("2025-01-09"))).toEqual([]);
    expect(await nowCounts(db(), asRecorded("2000-01-01"))).toEqual([]);

    // An event recorded now (A9 terminated) does not change the dashboard as recorded yesterday.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    const states = async (recordedOn: string | null) =>
      Object.fromEntries((await nowCounts(db(), query({ recordedOn }))).filter((r) => r.dimension === "state").map((r) => [r.value, r.count]));
    const before = await states(yesterday);
    const f = await dashboardFixture(db());
    await f.event(ids.a9!, "terminated", { date: "2026", initiatedBy: "swedish_side" });
    expect(await states(yesterday)).toEqual(before);
    expect(before.active).toBe(2);
    const now = await states(today);
    expect(now.active).toBe(1);
    expect(now.ended).toBe(5);
    expect(await states(null)).toEqual(now);
  });
});
