import { describe, expect, it } from "vitest";
import { EVENT_STATUSES, type EventStatus } from "../domain/enums";
import { allowedAfter, checkTransition, FROM_STATES, nextStatuses, TRANSITIONS, type FromState, type HistoryEvent } from "./transitions";

let seq = 0;
function ev(id: string, status: EventStatus, effectiveOn: string | null, supersedesId: string | null = null): HistoryEvent {
  return { id, seq: ++seq, status, effectiveOn, effectivePrecision: effectiveOn ? "year" : "unknown", supersedesId };
}

/** A history that ends in the given state. */
function historyIn(state: FromState): HistoryEvent[] {
  const est = ev("est", "active", "2010-01-01");
  switch (state) {
    case "none":
      return [];
    case "active":
      return [est];
    case "dormant":
      return [est, ev("d", "dormant", "2015-01-01")];
    case "paused":
      return [est, ev("p", "paused", "2015-01-01")];
    case "partially_terminated":
      return [est, ev("pt", "partially_terminated", "2015-01-01")];
    case "ended":
      return [est, ev("t", "terminated", "2015-01-01")];
  }
}

describe("the transition table", () => {
  for (const state of FROM_STATES) {
    for (const status of EVENT_STATUSES) {
      const verdict = TRANSITIONS[state][status];
      it(`${verdict === "ok" ? "allows" : "refuses"} ${status} after ${state}${verdict === "ok" ? "" : ` (${verdict})`}`, () => {
        const result = checkTransition(historyIn(state), { status, effectiveOn: "2020-01-01", effectivePrecision: "year" });
        if (verdict === "ok") expect(result).toEqual({ ok: true });
        else {
          // Neither of these histories was ever paused or dormant.
          const expected = verdict === "not_paused" ? "never_paused" : verdict;
          expect(result).toMatchObject({ ok: false, refusal: { code: expected, status, later: null } });
        }
      });
    }
  }

  it("lets an agreement end from every state but the ended one", () => {
    for (const state of ["active", "dormant", "paused", "partially_terminated"] as const) {
      expect(allowedAfter(state)).toEqual(expect.arrayContaining(["terminated", "terminated_by_counterpart", "expired"]));
    }
    expect(allowedAfter("ended")).toEqual([]);
    expect(allowedAfter("none")).toEqual(["active"]);
  });
});

describe("checkTransition", () => {
  it("refuses to resume what was never paused, and says so differently when it was paused before", () => {
    const never = checkTransition([ev("a", "active", "2010-01-01")], { status: "resumed", effectiveOn: "2020-01-01", effectivePrecision: "year" });
    expect(never).toMatchObject({ ok: false, refusal: { code: "never_paused", previous: { id: "a" } } });
    const history = [ev("a", "active", "2010-01-01"), ev("p", "paused", "2012-01-01"), ev("r", "resumed", "2013-01-01")];
    const notNow = checkTransition(history, { status: "resumed", effectiveOn: "2020-01-01", effectivePrecision: "year" });
    expect(notNow).toMatchObject({ ok: false, refusal: { code: "not_paused", previous: { id: "r" } } });
  });

  it("refuses a second termination and names the first", () => {
    const history = [ev("a", "active", "2011-01-01"), ev("x", "expired", "2020-01-01")];
    expect(checkTransition(history, { status: "terminated", effectiveOn: "2021-01-01", effectivePrecision: "year" })).toMatchObject({
      ok: false,
      refusal: { code: "already_ended", status: "terminated", previous: { id: "x", status: "expired" } },
    });
  });

  it("allows the correction of an ending into another ending, judged without the replaced event", () => {
    const history = [ev("a", "active", "2011-01-01"), ev("x", "expired", "2020-01-01")];
    expect(checkTransition(history, { status: "terminated", effectiveOn: "2020-03-01", effectivePrecision: "month", supersedesId: "x" })).toEqual({ ok: true });
  });

  it("judges a back-dated event by the state at its date, not today's", () => {
    // Active 2010, paused 2018, resumed 2020: a dormancy in 2015 lies in an active stretch.
    const history = [ev("a", "active", "2010-01-01"), ev("p", "paused", "2018-01-01"), ev("r", "resumed", "2020-01-01")];
    expect(checkTransition(history, { status: "dormant", effectiveOn: "2015-01-01", effectivePrecision: "year" })).toEqual({ ok: true });
    // A resumption in 2019 follows the 2018 pause, but then the 2020 resumption would resume what is not paused.
    expect(checkTransition(history, { status: "resumed", effectiveOn: "2019-01-01", effectivePrecision: "year" })).toMatchObject({
      ok: false,
      refusal: { code: "not_paused", status: "resumed", previous: { id: "(new event)" }, later: { id: "r" } },
    });
  });

  it("refuses a back-dated ending that a later event could not follow", () => {
    const history = [ev("a", "active", "2010-01-01"), ev("d", "dormant", "2018-01-01")];
    expect(checkTransition(history, { status: "terminated", effectiveOn: "2015-01-01", effectivePrecision: "year" })).toMatchObject({
      ok: false,
      refusal: { code: "ended_is_final", status: "dormant", later: { id: "d" } },
    });
  });

  it("refuses an event dated before the establishment, and any event before there is one", () => {
    const history = [ev("a", "active", "2010-01-01")];
    expect(checkTransition(history, { status: "paused", effectiveOn: "2005-01-01", effectivePrecision: "year" })).toMatchObject({
      ok: false,
      refusal: { code: "before_establishment", establishment: { id: "a" } },
    });
    expect(checkTransition([], { status: "terminated", effectiveOn: null, effectivePrecision: "unknown" })).toMatchObject({
      ok: false,
      refusal: { code: "not_established", previous: null },
    });
  });

  it("places an undated event at the end, after every dated event recorded before it", () => {
    const history = [ev("a", "active", "2010-01-01"), ev("t", "terminated", "2019-01-01")];
    expect(checkTransition(history, { status: "dormant", effectiveOn: null, effectivePrecision: "unknown" })).toMatchObject({
      ok: false,
      refusal: { code: "ended_is_final", previous: { id: "t" } },
    });
  });

  it("does not re-judge irregularities already in the history", () => {
    // Imported data with two endings in a row: a new, unrelated correction of the establishment is still possible.
    const history = [ev("a", "active", "2010-01-01"), ev("t1", "terminated", "2015-01-01"), ev("t2", "expired", "2016-01-01")];
    expect(checkTransition(history, { status: "active", effectiveOn: "2009-01-01", effectivePrecision: "year", supersedesId: "a" })).toEqual({ ok: true });
  });

  it("skips superseded events when finding the state", () => {
    const history = [ev("a", "active", "2010-01-01"), ev("t", "terminated", "2015-01-01"), ev("fix", "paused", "2015-01-01", "t")];
    expect(checkTransition(history, { status: "resumed", effectiveOn: "2016-01-01", effectivePrecision: "year" })).toEqual({ ok: true });
  });

  it("gives the form one verdict per status for logging now", () => {
    const verdicts = nextStatuses(historyIn("paused"));
    expect(Object.entries(verdicts).filter(([, v]) => v.ok).map(([s]) => s).sort()).toEqual(
      ["dormant", "expired", "partially_terminated", "resumed", "terminated", "terminated_by_counterpart"].sort(),
    );
    expect(verdicts.paused).toMatchObject({ ok: false, refusal: { code: "same_status" } });
  });
});
