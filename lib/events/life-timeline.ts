import type { DatePrecision, EventStatus } from "../domain/enums";
import { stateAfter, type AgreementState } from "../domain/status";

/**
 * The geometry of an agreement's life for the visual timeline: bands of state between its live
 * events, on an axis of fractional years. An event with an unknown date is not placed anywhere:
 * the stretch in which it happened (between the dated events around it, or up to today) is an
 * uncertain band that names the states it passes through. A date known only to the year or the
 * month is drawn at the start of that period, and its marker spans the whole period.
 */

export interface LifeEvent {
  id: string;
  status: EventStatus;
  effectiveOn: string | null;
  effectivePrecision: DatePrecision;
  confirmed?: boolean;
}

export type LifeBand =
  | { kind: "known"; state: AgreementState; from: number; to: number }
  | { kind: "uncertain"; states: AgreementState[]; from: number; to: number; eventIds: string[] };

export interface LifeMarker {
  eventId: string;
  status: EventStatus;
  x: number;
  width: number;
  precision: DatePrecision;
  effectiveOn: string;
  confirmed: boolean;
}

export interface LifeTimelineGeometry {
  from: number;
  to: number;
  today: number;
  bands: LifeBand[];
  markers: LifeMarker[];
  ticks: number[];
  /** Events with an unknown date, in timeline order. */
  undated: LifeEvent[];
}

function isLeap(y: number) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** "2020-07-02" → 2020.5 (day of the year over the year's length). */
export function yearFraction(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const days = isLeap(y) ? 366 : 365;
  return y + (Date.UTC(y, m - 1, d) - start) / 86_400_000 / days;
}

/** The stretch of time a partial date names, as [start, start + width) in fractional years. */
export function spanOf(on: string, precision: DatePrecision): { x: number; width: number } {
  const x = yearFraction(on);
  const [y, m] = on.split("-").map(Number) as [number, number];
  if (precision === "year") return { x, width: 1 };
  if (precision === "month") {
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return { x, width: yearFraction(next) - x };
  }
  return { x, width: 1 / (isLeap(y) ? 366 : 365) };
}

function ticksFor(from: number, to: number): number[] {
  const span = to - from;
  const step = span <= 12 ? 1 : span <= 25 ? 2 : span <= 60 ? 5 : 10;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);
  return ticks;
}

/**
 * `live`: the live events in timeline order (oldest first). `extraDates` widen the axis, e.g.
 * to show a conflicting claim about the establishment. Null when nothing is dated at all.
 */
export function lifeTimeline(live: readonly LifeEvent[], options: { today: string; extraDates?: readonly string[] }): LifeTimelineGeometry | null {
  const dated = live.filter((e) => e.effectiveOn && e.effectivePrecision !== "unknown");
  const points = [...dated.map((e) => yearFraction(e.effectiveOn!)), ...(options.extraDates ?? []).map(yearFraction)];
  if (points.length === 0) return null;
  const today = yearFraction(options.today);
  const firstUndated = live.length > 0 && (!live[0]!.effectiveOn || live[0]!.effectivePrecision === "unknown");
  const from = Math.floor(Math.min(...points)) - (firstUndated ? 2 : 1);
  const to = Math.max(Math.ceil(today), Math.ceil(Math.max(...points) + 1));

  const bands: LifeBand[] = [];
  const markers: LifeMarker[] = [];
  const undated: LifeEvent[] = [];
  let cursor: number | null = null;
  let state: AgreementState | null = null;
  let pending: LifeEvent[] = [];

  const close = (end: number) => {
    if (state === null && pending.length === 0) return;
    const start = cursor ?? from;
    if (end <= start) return;
    if (pending.length > 0 || cursor === null) {
      const states = [...(state ? [state] : []), ...pending.map((e) => stateAfter(e.status))];
      bands.push({ kind: "uncertain", states, from: start, to: end, eventIds: pending.map((e) => e.id) });
    } else if (state) {
      bands.push({ kind: "known", state, from: start, to: end });
    }
  };

  for (const e of live) {
    if (!e.effectiveOn || e.effectivePrecision === "unknown") {
      pending.push(e);
      undated.push(e);
      continue;
    }
    const { x, width } = spanOf(e.effectiveOn, e.effectivePrecision);
    close(x);
    markers.push({ eventId: e.id, status: e.status, x, width, precision: e.effectivePrecision, effectiveOn: e.effectiveOn, confirmed: e.confirmed ?? true });
    cursor = x;
    state = stateAfter(e.status);
    pending = [];
  }
  close(Math.max(today, cursor ?? from));
  return { from, to, today, bands, markers, ticks: ticksFor(from, to), undated };
}
