import type { AgreementKind, SwedishOrgKind } from "../domain/enums";
import type { DashboardQueryInput } from "../validation/dashboard";

/** The first year of the yearly charts unless the URL says otherwise (the report's first agreement is from 1986). */
export const DEFAULT_FROM_YEAR = 1985;

export interface DashboardFilters {
  county?: string;
  kind?: AgreementKind;
  partyType?: SwedishOrgKind;
  /** A province-level foreign organisation: agreements whose foreign party is it or lies under it. */
  province?: string;
  /** Only agreements whose foreign party has no province-level ancestor (drill-down of the "no province" bar). */
  noProvince?: boolean;
}

/** A resolved dashboard query: every series takes one. */
export interface DashboardQuery {
  from: number;
  to: number;
  /** "As of" a date in the world (YYYY-MM-DD): what was in force then. Null: the latest state, whatever its date. */
  asOf: string | null;
  /** "As recorded on" a day (YYYY-MM-DD): only events recorded by the end of that day (Europe/Stockholm). */
  recordedOn: string | null;
  filters: DashboardFilters;
}

export function stockholmToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Fills in the defaults: the range ends in the current year, or in the "as of" year. */
export function resolveQuery(input: DashboardQueryInput & { noProvince?: "1" }, now: Date = new Date()): DashboardQuery {
  const asOf = input.asOf ?? null;
  const lastYear = asOf ? Number(asOf.slice(0, 4)) : Number(stockholmToday(now).slice(0, 4));
  const to = Math.min(input.to ?? lastYear, lastYear);
  const from = Math.min(input.from ?? DEFAULT_FROM_YEAR, to);
  const filters: DashboardFilters = {};
  if (input.county) filters.county = input.county;
  if (input.kind) filters.kind = input.kind;
  if (input.partyType) filters.partyType = input.partyType;
  if (input.province) filters.province = input.province;
  if (input.noProvince === "1") filters.noProvince = true;
  return { from, to, asOf, recordedOn: input.recordedOn ?? null, filters };
}

export const FILTER_KEYS = ["county", "kind", "partyType", "province"] as const;
const QUERY_KEYS = ["from", "to", "asOf", "recordedOn", ...FILTER_KEYS] as const;

/** The URL parameters of a dashboard view, with `extra` (a drill-down cell) added; unset values left out. */
export function dashboardParams(input: Partial<Record<string, string | number | undefined | null>>, extra: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = key in extra ? extra[key] : input[key];
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) {
    if ((QUERY_KEYS as readonly string[]).includes(key)) continue;
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}
