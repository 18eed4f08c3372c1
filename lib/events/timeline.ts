import { stateAfter, type AgreementState } from "../domain/status";
import type { EventStatus } from "../domain/enums";

export interface TimelineInput {
  id: string;
  seq: number;
  status: EventStatus;
  effectiveOn: string | null;
  supersedesId: string | null;
}

export interface TimelineEntry<E extends TimelineInput> {
  event: E;
  /** The correction that replaced this event, if any. */
  supersededBy: E | null;
  /** The date used for ordering: its own, or for an undated event the latest date recorded before it. */
  sortDate: string | null;
}

/**
 * Orders an agreement's events in the time of the world. An event with an unknown date is
 * placed after every dated event recorded before it ("we learned it had happened by then"),
 * and events on the same date keep the order they were recorded in.
 */
export function orderTimeline<E extends TimelineInput>(events: readonly E[]): TimelineEntry<E>[] {
  const byRecording = [...events].sort((a, b) => a.seq - b.seq);
  const supersededBy = new Map<string, E>();
  for (const e of byRecording) if (e.supersedesId) supersededBy.set(e.supersedesId, e);
  let latestKnown: string | null = null;
  const entries = byRecording.map((event) => {
    if (event.effectiveOn && (!latestKnown || event.effectiveOn > latestKnown)) latestKnown = event.effectiveOn;
    return { event, supersededBy: supersededBy.get(event.id) ?? null, sortDate: event.effectiveOn ?? latestKnown };
  });
  return entries.sort((a, b) => compareNullableDates(a.sortDate, b.sortDate) || a.event.seq - b.event.seq);
}

function compareNullableDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The agreement's state now: after its last event that no correction has replaced. */
export function currentState<E extends TimelineInput>(events: readonly E[]): { state: AgreementState; event: E } | null {
  const live = orderTimeline(events).filter((e) => !e.supersededBy);
  const last = live[live.length - 1];
  return last ? { state: stateAfter(last.event.status), event: last.event } : null;
}
