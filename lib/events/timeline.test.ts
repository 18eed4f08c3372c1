import { describe, expect, it } from "vitest";
import type { EventStatus } from "../domain/enums";
import { currentState, orderTimeline } from "./timeline";

let seq = 0;
function ev(id: string, status: EventStatus, effectiveOn: string | null, supersedesId: string | null = null) {
  return { id, seq: ++seq, status, effectiveOn, supersedesId };
}

describe("orderTimeline", () => {
  it("orders by effective date, whatever the order of recording", () => {
    const events = [ev("b", "terminated", "2020-01-01"), ev("a", "active", "2004-01-01")];
    expect(orderTimeline(events).map((e) => e.event.id)).toEqual(["a", "b"]);
  });

  it("places an undated event after the dated events recorded before it", () => {
    const events = [ev("est", "active", "2008-01-01"), ev("dormant", "dormant", null), ev("end", "terminated", "2021-01-01")];
    expect(orderTimeline(events).map((e) => e.event.id)).toEqual(["est", "dormant", "end"]);
    expect(currentState(events)?.state).toBe("ended");
  });

  it("takes the last live event as the current state, skipping superseded ones", () => {
    const wrong = ev("wrong", "terminated", "2019-01-01");
    const events = [ev("est", "active", "2010-01-01"), wrong, ev("fix", "paused", "2019-01-01", "wrong")];
    const ordered = orderTimeline(events);
    expect(ordered.find((e) => e.event.id === "wrong")?.supersededBy?.id).toBe("fix");
    expect(currentState(events)).toMatchObject({ state: "paused", event: { id: "fix" } });
  });

  it("maps resumed back to active and an unknown-date termination to ended", () => {
    expect(currentState([ev("a", "active", "1986-05-01"), ev("p", "paused", "1989-01-01"), ev("r", "resumed", "1990-01-01")])?.state).toBe("active");
    expect(currentState([ev("a", "active", "2002-01-01"), ev("t", "terminated", null)])?.state).toBe("ended");
    expect(currentState([])).toBeNull();
  });
});
