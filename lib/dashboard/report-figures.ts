import type { Db } from "@/db/client";
import { changesPerYear, type ChangesPerYear } from "./changes";
import { inForcePerYear, type InForceRow } from "./in-force";
import { scopeRestricts } from "./base-sql";
import { nowCounts, type NowRow } from "./now";
import type { DashboardQuery } from "./query";

// The headline figures of "Lokal frost i relationerna" (NKK 2022), recomputed from the
// registry, next to what the report says. Where the report's text and appendix disagree, both
// are given and the page explains the difference (messages dashboard.report.*).

export const REPORT_FIGURE_IDS = [
  "twin2016",
  "peakYear",
  "total2016",
  "twin2021",
  "partnership2021",
  "total2021",
  "partnershipsEver",
  "endings2017to2021",
  "endingsByCounterpart",
  "pauses2017to2021",
] as const;
export type ReportFigureId = (typeof REPORT_FIGURE_IDS)[number];

export interface ReportFigure {
  id: ReportFigureId;
  value: number;
  /** What the report says (the appendix's figure where text and appendix differ). */
  report: number;
  /** What the report's text says, where it differs from its appendix. */
  reportText?: number;
  /** The drill-down behind the value (URL parameters). */
  drilldown: Record<string, string | number>;
}

export interface ReportFigures {
  figures: ReportFigure[];
  /** Twin-city agreements ended at an unknown date, counted as in force in 2016 (part of the explanation). */
  endedUnknown2016: number;
  /** The inputs the figures come from, so the page can reuse them. */
  inForce: InForceRow[];
  changes: ChangesPerYear;
}

/** The query the report's figures are computed with: every agreement, 1985–2021, as recorded now. */
export const REPORT_QUERY: DashboardQuery = { from: 1985, to: 2021, asOf: null, recordedOn: null, filters: {} };

/** Series already computed for the page, reused where they hold the same numbers. */
export interface ReportReuse {
  query: DashboardQuery;
  inForce?: InForceRow[];
  changes?: ChangesPerYear;
  now?: NowRow[];
}

export async function reportFigures(db: Db, reuse?: ReportReuse): Promise<ReportFigures> {
  // A year's count does not depend on where the range starts, and agreements by kind not on the
  // as-of day: the page's series serve when they cover the years and select every agreement.
  const q = reuse?.query;
  const everything = !!q && !scopeRestricts(q);
  const covers = (from: number, to: number) => everything && !q!.asOf && q!.from <= from && q!.to >= to;
  const [inForceRows, changesRows, now] = await Promise.all([
    covers(1985, 2021) && reuse?.inForce ? reuse.inForce : inForcePerYear(db, REPORT_QUERY),
    covers(2017, 2021) && reuse?.changes ? reuse.changes : changesPerYear(db, { ...REPORT_QUERY, from: 2017, to: 2021 }),
    everything && reuse?.now ? reuse.now : nowCounts(db, REPORT_QUERY),
  ]);
  const inForce = inForceRows.filter((r) => r.year >= 1985 && r.year <= 2021);
  const inRange = <R extends { year: number | null }>(rows: R[]) => rows.filter((r) => r.year === null || (r.year >= 2017 && r.year <= 2021));
  const changes = { byInitiator: inRange(changesRows.byInitiator), byReason: inRange(changesRows.byReason) };
  const inForceIn = (year: number, kind?: string) =>
    inForce.filter((r) => r.year === year && (!kind || r.kind === kind)).reduce((n, r) => n + r.count, 0);
  const twinByYear = new Map<number, number>();
  for (const r of inForce) if (r.kind === "twin_city") twinByYear.set(r.year, (twinByYear.get(r.year) ?? 0) + r.count);
  const [peakYear] = [...twinByYear].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
  const dated = changes.byInitiator.filter((r) => r.year !== null);
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  const partnerships = sum(now.filter((r) => r.dimension === "kind" && r.value === "partnership"));
  const endedUnknown2016 = inForce.filter((r) => r.year === 2016 && r.kind === "twin_city" && r.state === "ended_unknown").reduce((n, r) => n + r.count, 0);

  const inForceDrill = (year: number, kind?: string) => ({ series: "inForce", from: 1985, to: 2021, year, ...(kind ? { kind } : {}) });
  const changeDrill = (change: string, extra: Record<string, string> = {}) => ({ series: "changes", from: 2017, to: 2021, dated: "1", change, ...extra });
  const figures: ReportFigure[] = [
    { id: "twin2016", value: inForceIn(2016, "twin_city"), report: 41, drilldown: inForceDrill(2016, "twin_city") },
    { id: "peakYear", value: peakYear, report: 2016, drilldown: inForceDrill(peakYear, "twin_city") },
    { id: "total2016", value: inForceIn(2016), report: 50, reportText: 49, drilldown: inForceDrill(2016) },
    { id: "twin2021", value: inForceIn(2021, "twin_city"), report: 28, drilldown: inForceDrill(2021, "twin_city") },
    { id: "partnership2021", value: inForceIn(2021, "partnership"), report: 1, drilldown: inForceDrill(2021, "partnership") },
    { id: "total2021", value: inForceIn(2021), report: 29, drilldown: inForceDrill(2021) },
    { id: "partnershipsEver", value: partnerships, report: 9, drilldown: { series: "agreements", kind: "partnership" } },
    { id: "endings2017to2021", value: sum(dated.filter((r) => r.change === "ended")), report: 21, drilldown: changeDrill("ended") },
    {
      id: "endingsByCounterpart",
      value: sum(dated.filter((r) => r.change === "ended" && r.initiator === "counterpart")),
      report: 1,
      drilldown: changeDrill("ended", { initiator: "counterpart" }),
    },
    { id: "pauses2017to2021", value: sum(dated.filter((r) => r.change === "paused")), report: 4, reportText: 5, drilldown: changeDrill("paused") },
  ];
  return { figures, endedUnknown2016, inForce, changes };
}
