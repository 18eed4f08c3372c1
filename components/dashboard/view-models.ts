// Turns the series (lib/dashboard) into the charts' data, with labels in the reader's language
// and the drill-down parameters of every bar. Runs on the server; the charts only draw.
import type { ChangesPerYear } from "@/lib/dashboard/changes";
import type { Curation } from "@/lib/dashboard/curation";
import type { InForceRow } from "@/lib/dashboard/in-force";
import type { NowRow } from "@/lib/dashboard/now";
import type { DashboardLookups } from "@/lib/dashboard/page-data";
import type { DashboardQuery } from "@/lib/dashboard/query";
import { AGREEMENT_KINDS, INITIATORS, REASONS, SWEDISH_ORG_KINDS } from "@/lib/domain/enums";
import { CHANGES, DASHBOARD_STATES, IN_FORCE_STATES } from "@/lib/validation/dashboard";
import type { ChartDatum, ChartSeries, ChartView } from "./chart-card";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export const STATE_COLORS: Record<string, string> = {
  active: "#2e7d46",
  dormant: "#8a94a3",
  paused: "#b58300",
  partially_terminated: "#7b3fb0",
  ended_unknown: "#c4611f",
  ended: "#a61b1b",
  // No event yet: dark slate, apart from vilande's mid grey (lib/dashboard/palette.test.ts checks the contrasts).
  none: "#3f4852",
};
const KIND_COLORS: Record<string, string> = { twin_city: "#1f4e8c", partnership: "#2a9d8f", other: "#8a94a3" };
const CHANGE_COLORS: Record<string, string> = { ended: "#a61b1b", paused: "#b58300", partially_terminated: "#7b3fb0" };
const INITIATOR_COLORS: Record<string, string> = { swedish_side: "#1f4e8c", counterpart: "#a61b1b", both: "#2a9d8f", unknown: "#8a94a3" };
const REASON_COLORS: Record<string, string> = {
  human_rights: "#7b3fb0",
  chinese_state_conduct: "#a61b1b",
  lack_of_activity: "#d49a00",
  other: "#2a9d8f",
  none: "#8a94a3",
};

function years(q: DashboardQuery): number[] {
  return Array.from({ length: q.to - q.from + 1 }, (_, i) => q.from + i);
}

/** Series that have at least one non-zero value (all of `keys` when `keep` lists them). */
function present(keys: readonly string[], data: ChartDatum[], keep: readonly string[] = []): string[] {
  return keys.filter((k) => keep.includes(k) || data.some((d) => (d.values[k] ?? 0) > 0));
}

export function inForceViews(rows: InForceRow[], q: DashboardQuery, t: Translate): ChartView[] {
  const byYear = (key: "kind" | "state") =>
    years(q).map<ChartDatum>((y) => {
      const values: Record<string, number> = {};
      for (const r of rows) if (r.year === y) values[r[key]] = (values[r[key]] ?? 0) + r.count;
      return { label: String(y), params: { year: String(y) }, values };
    });
  const kindData = byYear("kind");
  const stateData = byYear("state");
  return [
    {
      id: "kind",
      label: t("dashboard.inForce.byKind"),
      data: kindData,
      series: present(AGREEMENT_KINDS, kindData, ["twin_city", "partnership"]).map((k) => ({
        key: k,
        label: t(`kind.${k}`),
        color: KIND_COLORS[k]!,
        params: { kind: k },
      })),
    },
    {
      id: "state",
      label: t("dashboard.inForce.byState"),
      data: stateData,
      series: present(IN_FORCE_STATES, stateData, ["active", "dormant", "paused", "ended_unknown"]).map((s) => ({
        key: s,
        label: t(`dashboard.states.${s}`),
        color: STATE_COLORS[s]!,
        params: { state: s },
      })),
    },
  ];
}

export function changesViews(changes: ChangesPerYear, q: DashboardQuery, t: Translate): ChartView[] {
  const hasUnknown = changes.byInitiator.some((r) => r.year === null);
  const categories: { label: string; year: number | null }[] = [
    ...years(q).map((y) => ({ label: String(y), year: y as number | null })),
    ...(hasUnknown ? [{ label: t("dashboard.unknownYear"), year: null }] : []),
  ];
  const pivot = <R extends { year: number | null; count: number }>(rows: R[], key: (r: R) => string | null) =>
    categories.map<ChartDatum>((c) => {
      const values: Record<string, number> = {};
      for (const r of rows) {
        const k = key(r);
        if (r.year === c.year && k !== null) values[k] = (values[k] ?? 0) + r.count;
      }
      return { label: c.label, params: { year: c.year === null ? "unknown" : String(c.year) }, values };
    });

  const typeData = pivot(changes.byInitiator, (r) => r.change);
  const views: ChartView[] = [
    {
      id: "type",
      label: t("dashboard.changesChart.byType"),
      data: typeData,
      series: CHANGES.map((c) => ({ key: c, label: t(`dashboard.changes.${c}`), color: CHANGE_COLORS[c]!, params: { change: c } })),
    },
  ];
  for (const change of ["ended", "paused"] as const) {
    const initiatorData = pivot(changes.byInitiator, (r) => (r.change === change ? r.initiator : null));
    views.push({
      id: `${change}-initiator`,
      label: `${t(`dashboard.changes.${change}`)}: ${t("dashboard.changesChart.byInitiator").toLowerCase()}`,
      data: initiatorData,
      params: { change },
      series: present(INITIATORS, initiatorData, ["swedish_side", "counterpart"]).map((i) => ({
        key: i,
        label: t(`initiator.${i}`),
        color: INITIATOR_COLORS[i]!,
        params: { initiator: i },
      })),
    });
    const reasonData = pivot(changes.byReason, (r) => (r.change === change ? r.reason : null));
    views.push({
      id: `${change}-reason`,
      label: `${t(`dashboard.changes.${change}`)}: ${t("dashboard.changesChart.byReason").toLowerCase()}`,
      data: reasonData,
      params: { change },
      additive: false,
      note: t("dashboard.changesChart.reasonNote"),
      series: present([...REASONS, "none"], reasonData).map((r) => ({
        key: r,
        label: r === "none" ? t("dashboard.noReason") : t(`reason.${r}`),
        color: REASON_COLORS[r]!,
        params: { reason: r },
      })),
    });
  }
  return views;
}

function stateSeries(data: ChartDatum[], t: Translate): ChartSeries[] {
  return present(DASHBOARD_STATES, data).map((s) => ({ key: s, label: t(`dashboard.states.${s}`), color: STATE_COLORS[s]!, params: { state: s } }));
}

function nowView(rows: NowRow[], dimension: NowRow["dimension"], categories: { value: string | null; label: string; params: Record<string, string> }[], t: Translate): ChartView {
  const data = categories.map<ChartDatum>((c) => {
    const values: Record<string, number> = {};
    for (const r of rows) if (r.dimension === dimension && r.value === c.value) values[r.state] = (values[r.state] ?? 0) + r.count;
    return { label: c.label, params: c.params, values };
  });
  return { id: dimension, label: dimension, data, series: stateSeries(data, t) };
}

export function nowViews(rows: NowRow[], lookups: DashboardLookups, t: Translate) {
  const kinds = AGREEMENT_KINDS.filter((k) => rows.some((r) => r.dimension === "kind" && r.value === k));
  const provinceIds = new Set(rows.filter((r) => r.dimension === "province").map((r) => r.value));
  const provinces = lookups.provinces.filter((p) => provinceIds.has(p.id));
  return {
    kind: nowView(rows, "kind", kinds.map((k) => ({ value: k, label: t(`kind.${k}`), params: { kind: k } })), t),
    partyType: nowView(rows, "partyType", SWEDISH_ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`), params: { partyType: k } })), t),
    county: nowView(rows, "county", lookups.counties.map((c) => ({ value: c.code, label: c.name, params: { county: c.code } })), t),
    province: nowView(
      rows,
      "province",
      [
        ...provinces.map((p) => ({ value: p.id, label: p.nameNative ? `${p.name} ${p.nameNative}` : p.name, params: { province: p.id } })),
        ...(provinceIds.has(null) ? [{ value: null, label: t("dashboard.noProvince"), params: { noProvince: "1" } }] : []),
      ],
      t,
    ),
    endingReason: {
      ...nowView(
        rows,
        "endingReason",
        [...REASONS, "none"]
          .filter((r) => rows.some((x) => x.dimension === "endingReason" && x.value === r))
          .map((r) => ({ value: r, label: r === "none" ? t("dashboard.noReason") : t(`reason.${r}`), params: { endingReason: r } })),
        t,
      ),
    },
  };
}

export function stateTotals(rows: NowRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.dimension === "state") out[r.state] = (out[r.state] ?? 0) + r.count;
  return out;
}

export function curationViews(c: Curation, t: Translate) {
  const events: ChartView = {
    id: "events",
    label: t("dashboard.curation.eventsPerMonth"),
    data: c.eventsPerMonth.map((m) => ({ label: m.month, params: { month: m.month }, values: { added: m.added, corrections: m.corrections } })),
    series: [
      { key: "added", label: t("dashboard.curation.added"), color: "#1f4e8c", params: { correction: "0" } },
      { key: "corrections", label: t("dashboard.curation.corrections"), color: "#e07b39", params: { correction: "1" } },
    ],
  };
  const proposals: ChartView = {
    id: "proposals",
    label: t("dashboard.curation.proposalsPerMonth"),
    additive: false,
    data: c.proposalsPerMonth.map((m) => ({ label: m.month, params: { month: m.month }, values: { opened: m.opened, approved: m.approved, rejected: m.rejected } })),
    series: [
      { key: "opened", label: t("dashboard.curation.opened"), color: "#1f4e8c", params: { outcome: "opened" } },
      { key: "approved", label: t("dashboard.curation.approved"), color: "#2e7d46", params: { outcome: "approved" } },
      { key: "rejected", label: t("dashboard.curation.rejected"), color: "#a61b1b", params: { outcome: "rejected" } },
    ],
  };
  return { events, proposals };
}
