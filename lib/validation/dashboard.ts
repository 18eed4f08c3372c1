import { z } from "zod";
import { AGREEMENT_KINDS, INITIATORS, REASONS, SWEDISH_ORG_KINDS } from "../domain/enums";

// The dashboard's URL parameters, shared by the page, the drill-down and the JSON endpoints.
// Messages are catalogue keys (lib/i18n/messages/*/dashboard.json).

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** Longest year range a chart may span. */
export const MAX_RANGE_YEARS = 150;

/** The states the dashboards count: lib/domain/status.ts's, with an end at an unknown date apart, and "no event". */
export const DASHBOARD_STATES = ["active", "dormant", "paused", "partially_terminated", "ended_unknown", "ended", "none"] as const;
export type DashboardState = (typeof DASHBOARD_STATES)[number];
/** The states that count as "in force" in the yearly series (the report's rule: not ended at a known date). */
export const IN_FORCE_STATES = ["active", "dormant", "paused", "partially_terminated", "ended_unknown"] as const;
export type InForceState = (typeof IN_FORCE_STATES)[number];

/** Status changes counted by the "terminations and pauses" series. */
export const CHANGES = ["ended", "paused", "partially_terminated"] as const;
export type Change = (typeof CHANGES)[number];

export const NOW_DIMENSIONS = ["state", "kind", "partyType", "county", "province", "endingReason"] as const;
export type NowDimension = (typeof NOW_DIMENSIONS)[number];

export const DRILLDOWN_SERIES = ["inForce", "changes", "now", "agreements", "eventsRecorded", "unsourcedEvents", "unsourcedAgreements", "proposals"] as const;
export type DrilldownSeries = (typeof DRILLDOWN_SERIES)[number];

export const PROPOSAL_OUTCOMES = ["opened", "approved", "rejected", "open"] as const;

const blankToUndefined = (v: unknown) => {
  if (Array.isArray(v)) v = v[0];
  return typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;
};
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}
const isoDate = (message: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isRealDate, message)
    .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR, message);
const year = (message: string) => z.coerce.number({ error: message }).int(message).min(MIN_YEAR, message).max(MAX_YEAR, message);

export const dashboardFilterShape = {
  from: optional(year("dashboard.errors.year")),
  to: optional(year("dashboard.errors.year")),
  asOf: optional(isoDate("dashboard.errors.date")),
  recordedOn: optional(isoDate("dashboard.errors.date")),
  county: optional(z.string().regex(/^\d{2}$/, "dashboard.errors.county")),
  kind: optional(z.enum(AGREEMENT_KINDS, { error: "dashboard.errors.kind" })),
  partyType: optional(z.enum(SWEDISH_ORG_KINDS, { error: "dashboard.errors.partyType" })),
  province: optional(z.uuid({ error: "dashboard.errors.province" })),
};

const rangeChecks = <T extends { from?: number; to?: number }>(schema: z.ZodType<T>) =>
  schema
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: "dashboard.errors.range", path: ["to"] })
    .refine((q) => q.from === undefined || q.to === undefined || q.to - q.from < MAX_RANGE_YEARS, {
      message: "dashboard.errors.rangeTooLong",
      path: ["to"],
    });

/** The dashboard's filters and time travel. */
export const dashboardQuerySchema = rangeChecks(z.object(dashboardFilterShape));
export type DashboardQueryInput = z.infer<typeof dashboardQuerySchema>;

/** A drill-down: the filters plus the cell of the chart or count that was clicked. */
export const drilldownSchema = rangeChecks(
  z.object({
    ...dashboardFilterShape,
    series: z.preprocess(blankToUndefined, z.enum(DRILLDOWN_SERIES, { error: "dashboard.errors.series" })),
    year: optional(z.union([z.literal("unknown"), year("dashboard.errors.year")])),
    state: optional(z.enum(DASHBOARD_STATES, { error: "dashboard.errors.state" })),
    change: optional(z.enum(CHANGES, { error: "dashboard.errors.change" })),
    initiator: optional(z.enum(INITIATORS, { error: "dashboard.errors.initiator" })),
    reason: optional(z.enum([...REASONS, "none"] as const, { error: "dashboard.errors.reason" })),
    endingReason: optional(z.enum([...REASONS, "none"] as const, { error: "dashboard.errors.reason" })),
    month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "dashboard.errors.month")),
    outcome: optional(z.enum(PROPOSAL_OUTCOMES, { error: "dashboard.errors.outcome" })),
    noProvince: optional(z.literal("1")),
    /** Events recorded: only corrections ("1") or only new events ("0"). */
    correction: optional(z.enum(["0", "1"], { error: "dashboard.errors.series" })),
    /** Changes: only those at a known date. */
    dated: optional(z.literal("1")),
    page: optional(z.coerce.number({ error: "dashboard.errors.page" }).int("dashboard.errors.page").min(1, "dashboard.errors.page").max(100_000, "dashboard.errors.page")),
  }),
).refine((q) => q.series !== "inForce" || typeof q.year === "number", { message: "dashboard.errors.yearRequired", path: ["year"] });
export type DrilldownInput = z.infer<typeof drilldownSchema>;

/** Turns URL search params (Next's searchParams object or URLSearchParams) into a plain object for the schemas. */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) out[k] = first;
    }
  }
  return out;
}

/** Field errors as { field: catalogueKey }. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
