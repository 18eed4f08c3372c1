import { EVENT_STATUSES, type DatePrecision, type EventStatus } from "../domain/enums";
import { stateAfter, type AgreementState } from "../domain/status";
import { orderTimeline, type TimelineInput } from "./timeline";

/**
 * Which status may follow which: a pure, table-driven rule over an agreement's history.
 *
 * The state before an event is the state after the live (not superseded) event just before it
 * in the time of the world, ordered as lib/events/timeline.ts orders events ("none" before the
 * first). A new event is placed where its effective date puts it, so a back-dated event is
 * checked against the state at that point of the timeline, not against today's state. Because
 * it may also change what the later events follow, every adjacency the new event creates is
 * checked: the one into it and the one out of it (and, for a correction, the gap the replaced
 * event leaves). Adjacencies that were already in the history are not re-judged, so an old,
 * imported irregularity never blocks new work.
 *
 * An event with an unknown date is placed after every dated event recorded before it, as the
 * timeline does: logged today, it goes at the end.
 */

export type FromState = "none" | AgreementState;
export const FROM_STATES: readonly FromState[] = ["none", "active", "dormant", "paused", "partially_terminated", "ended"];

export const REFUSAL_CODES = [
  /** Nothing is recorded yet: the first event is the establishment (Active). */
  "not_established",
  /** The event would lie before the establishment. */
  "before_establishment",
  /** Active again, after the establishment: that is Resumed, or a correction of the establishment. */
  "already_established",
  /** Dormant after dormant, paused after paused. */
  "same_status",
  /** Resumed, but the history has no pause and no dormancy to resume from. */
  "never_paused",
  /** Resumed, but at that point the agreement is neither paused nor dormant. */
  "not_paused",
  /** A second ending: correct the first one instead. */
  "already_ended",
  /** Anything but an ending after the end. */
  "ended_is_final",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

type Verdict = "ok" | RefusalCode;
const OK = "ok" as const;

const endings = (v: Verdict) => ({ terminated: v, terminated_by_counterpart: v, expired: v });

/** The table: for each state, what each status would be. */
export const TRANSITIONS: Readonly<Record<FromState, Readonly<Record<EventStatus, Verdict>>>> = {
  none: {
    active: OK,
    dormant: "not_established",
    paused: "not_established",
    partially_terminated: "not_established",
    ...endings("not_established"),
    resumed: "not_established",
  },
  active: { active: "already_established", dormant: OK, paused: OK, partially_terminated: OK, ...endings(OK), resumed: "not_paused" },
  dormant: { active: "already_established", dormant: "same_status", paused: OK, partially_terminated: OK, ...endings(OK), resumed: OK },
  paused: { active: "already_established", dormant: OK, paused: "same_status", partially_terminated: OK, ...endings(OK), resumed: OK },
  // A further part may end after a first one; what remains may go dormant, be paused or end.
  partially_terminated: { active: "already_established", dormant: OK, paused: OK, partially_terminated: OK, ...endings(OK), resumed: "not_paused" },
  ended: {
    active: "ended_is_final",
    dormant: "ended_is_final",
    paused: "ended_is_final",
    partially_terminated: "ended_is_final",
    ...endings("already_ended"),
    resumed: "ended_is_final",
  },
};

export interface HistoryEvent extends TimelineInput {
  effectivePrecision: DatePrecision;
}

/** The event as it would be recorded. `supersedesId` for a correction. */
export interface CandidateEvent {
  status: EventStatus;
  effectiveOn: string | null;
  effectivePrecision: DatePrecision;
  supersedesId?: string | null;
}

/** An event named in a refusal, enough to say which one. */
export interface EventRef {
  id: string;
  status: EventStatus;
  effectiveOn: string | null;
  effectivePrecision: DatePrecision;
}

export interface Refusal {
  code: RefusalCode;
  /** The status that cannot follow. */
  status: EventStatus;
  /** The event it would follow (null at the start of the history). */
  previous: EventRef | null;
  /**
   * Set when the new event itself may follow what precedes it but makes an event already
   * recorded after it impossible: that later event. `status`/`previous` then describe the pair
   * (new event → later event).
   */
  later: EventRef | null;
  /** For not_established/before_establishment: the establishment the history starts with, if any. */
  establishment: EventRef | null;
}

export type TransitionCheck = { ok: true } | { ok: false; refusal: Refusal };

export const CANDIDATE_ID = "(new event)";

function fromStateOf(event: { status: EventStatus } | null): FromState {
  return event ? stateAfter(event.status) : "none";
}

function ref(e: HistoryEvent | (CandidateEvent & { id: string })): EventRef {
  return { id: e.id, status: e.status, effectiveOn: e.effectiveOn, effectivePrecision: e.effectivePrecision };
}

/** The verdict of the table, sharpened with what only the history can tell. */
function judge(previous: HistoryEvent | null, next: HistoryEvent, prior: readonly HistoryEvent[], timeline: readonly HistoryEvent[]): RefusalCode | null {
  const verdict = TRANSITIONS[fromStateOf(previous)][next.status];
  if (verdict === OK) return null;
  if (verdict === "not_paused" && !prior.some((e) => e.status === "paused" || e.status === "dormant")) return "never_paused";
  if (verdict === "not_established" && timeline.some((e) => e.status === "active")) return "before_establishment";
  return verdict;
}

function liveTimeline(events: readonly HistoryEvent[]): HistoryEvent[] {
  return orderTimeline(events)
    .filter((e) => !e.supersededBy)
    .map((e) => e.event);
}

/**
 * Whether `candidate` may be recorded on top of `history` (every event of the agreement,
 * superseded ones included). For a correction, the superseded event is left out of the
 * timeline the candidate is judged in.
 */
export function checkTransition(history: readonly HistoryEvent[], candidate: CandidateEvent): TransitionCheck {
  const maxSeq = history.reduce((m, e) => Math.max(m, e.seq), 0);
  const probe: HistoryEvent = {
    id: CANDIDATE_ID,
    seq: maxSeq + 1,
    status: candidate.status,
    effectiveOn: candidate.effectiveOn,
    effectivePrecision: candidate.effectivePrecision,
    supersedesId: candidate.supersedesId ?? null,
  };
  const before = liveTimeline(history);
  const after = liveTimeline([...history, probe]);
  const oldPairs = new Set(before.map((e, i) => `${before[i - 1]?.id ?? "start"}>${e.id}`));
  const establishment = after.find((e) => e.status === "active" && e.id !== CANDIDATE_ID) ?? null;

  const refusals: Refusal[] = [];
  after.forEach((next, i) => {
    const previous = after[i - 1] ?? null;
    if (oldPairs.has(`${previous?.id ?? "start"}>${next.id}`)) return;
    const code = judge(previous, next, after.slice(0, i), after);
    if (code === null) return;
    const involvesCandidate = next.id === CANDIDATE_ID;
    refusals.push({
      code,
      status: next.status,
      previous: previous ? ref(previous) : null,
      later: involvesCandidate ? null : ref(next),
      establishment: establishment ? ref(establishment) : null,
    });
  });
  // The refusal about the new event itself comes first; one about what follows it second.
  refusals.sort((a, b) => Number(a.later !== null) - Number(b.later !== null));
  return refusals[0] ? { ok: false, refusal: refusals[0] } : { ok: true };
}

/** The live events just before and after where `candidate` would be placed (for hints). */
export function neighbours(history: readonly HistoryEvent[], candidate: CandidateEvent): { previous: EventRef | null; next: EventRef | null } {
  const maxSeq = history.reduce((m, e) => Math.max(m, e.seq), 0);
  const probe: HistoryEvent = { id: CANDIDATE_ID, seq: maxSeq + 1, ...candidate, supersedesId: candidate.supersedesId ?? null };
  const after = liveTimeline([...history, probe]);
  const at = after.findIndex((e) => e.id === CANDIDATE_ID);
  const previous = after[at - 1];
  const next = after[at + 1];
  return { previous: previous ? ref(previous) : null, next: next ? ref(next) : null };
}

/**
 * For each status, whether it may be logged now with an unknown date, i.e. at the end of the
 * timeline (the form's hint; the server checks the real date again).
 */
export function nextStatuses(history: readonly HistoryEvent[]): Record<EventStatus, TransitionCheck> {
  return Object.fromEntries(
    EVENT_STATUSES.map((status) => [status, checkTransition(history, { status, effectiveOn: null, effectivePrecision: "unknown" })]),
  ) as Record<EventStatus, TransitionCheck>;
}

/** The statuses the table allows after a state (for documentation and tests). */
export function allowedAfter(state: FromState): EventStatus[] {
  return EVENT_STATUSES.filter((s) => TRANSITIONS[state][s] === OK);
}
