import { describe, expect, it } from "vitest";
import type { DatePrecision, EventStatus } from "../domain/enums";
import { lifeTimeline, spanOf, yearFraction, type LifeEvent } from "./life-timeline";

const ev = (id: string, status: EventStatus, effectiveOn: string | null, effectivePrecision: DatePrecision = effectiveOn ? "year" : "unknown"): LifeEvent => ({
  id,
  status,
  effectiveOn,
  effectivePrecision,
});

describe("lifeTimeline", () => {
  it("draws known bands between dated events, and the ended stretch up to today", () => {
    const g = lifeTimeline([ev("a", "active", "2011-01-01"), ev("x", "expired", "2020-01-01")], { today: "2026-11-25" })!;
    expect(g.bands).toEqual([
      { kind: "known", state: "active", from: 2011, to: 2020 },
      { kind: "known", state: "ended", from: 2020, to: yearFraction("2026-11-25") },
    ]);
    expect(g.from).toBe(2010);
    expect(g.to).toBe(2027);
    expect(g.markers.map((m) => [m.eventId, m.x, m.width])).toEqual([
      ["a", 2011, 1],
      ["x", 2020, 1],
    ]);
  });

  it("does not invent a date for an undated event: its stretch is uncertain and names the states", () => {
    const g = lifeTimeline([ev("a", "active", "2008-01-01"), ev("d", "dormant", null)], { today: "2026-06-01" })!;
    expect(g.bands).toEqual([{ kind: "uncertain", states: ["active", "dormant"], from: 2008, to: yearFraction("2026-06-01"), eventIds: ["d"] }]);
    expect(g.undated.map((e) => e.id)).toEqual(["d"]);
    expect(g.markers.map((m) => m.eventId)).toEqual(["a"]);
  });

  it("bounds an undated event by the dated event after it", () => {
    const g = lifeTimeline([ev("a", "active", "2002-01-01"), ev("d", "dormant", null), ev("t", "terminated", "2019-03-01", "month")], { today: "2026-01-01" })!;
    expect(g.bands[0]).toEqual({ kind: "uncertain", states: ["active", "dormant"], from: 2002, to: yearFraction("2019-03-01"), eventIds: ["d"] });
    expect(g.bands[1]).toMatchObject({ kind: "known", state: "ended" });
  });

  it("starts with an uncertain band when the establishment date is unknown", () => {
    const g = lifeTimeline([ev("a", "active", null), ev("t", "terminated", "2015-01-01")], { today: "2026-01-01" })!;
    expect(g.from).toBe(2013);
    expect(g.bands[0]).toEqual({ kind: "uncertain", states: ["active"], from: 2013, to: 2015, eventIds: ["a"] });
  });

  it("has nothing to draw without a single date", () => {
    expect(lifeTimeline([ev("a", "active", null)], { today: "2026-01-01" })).toBeNull();
  });

  it("spans a marker over the period its precision names", () => {
    expect(spanOf("2020-02-01", "month").width).toBeCloseTo(29 / 366);
    expect(spanOf("2021-07-02", "day").width).toBeCloseTo(1 / 365);
    expect(spanOf("2019-01-01", "year")).toEqual({ x: 2019, width: 1 });
  });
});
