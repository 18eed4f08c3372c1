import type { Db } from "@/db/client";
import { csvResponse as download, writeCsv, type CsvValue } from "../csv";
import { loadMessages } from "../i18n/messages";
import { dashboardQuerySchema, drilldownSchema, fieldErrorsOf, searchParamsToObject } from "../validation/dashboard";
import { changesPerYear } from "./changes";
import { curationMetrics } from "./curation";
import { drilldown } from "./drilldown";
import { inForcePerYear } from "./in-force";
import { nowCounts } from "./now";
import { dashboardLookups } from "./page-data";
import { resolveQuery } from "./query";
import { reportFigures } from "./report-figures";

// The JSON (and CSV) endpoints of the dashboard: /api/dashboard/<series>. Documented in
// docs/dashboard.md. The route handler checks the session and the permission; this builds the answer.

export const DASHBOARD_API_SERIES = ["in-force", "changes", "now", "curation", "report", "drilldown"] as const;
export type DashboardApiSeries = (typeof DASHBOARD_API_SERIES)[number];

function message(key: string): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], loadMessages("en"));
  return typeof found === "string" ? found : key;
}

function csvResponse(filename: string, rows: Record<string, unknown>[], columns: string[]): Response {
  return download(`${filename}.csv`, writeCsv(columns, rows as Record<string, CsvValue>[]));
}

const DRILLDOWN_CSV_COLUMNS = [
  "agreementId",
  "swedishParty",
  "county",
  "foreignParty",
  "foreignPartyNative",
  "province",
  "kind",
  "eventId",
  "status",
  "effectiveOn",
  "effectivePrecision",
  "initiatedBy",
  "reasons",
  "recordedAt",
  "sources",
  "proposalId",
  "proposalStatus",
];

export async function dashboardApiResponse(db: Db, series: DashboardApiSeries, params: URLSearchParams): Promise<Response> {
  const raw = searchParamsToObject(params);
  const format = raw.format === "csv" ? "csv" : "json";
  const { format: _format, part, ...input } = raw;
  const parsed = series === "drilldown" ? drilldownSchema.safeParse(input) : dashboardQuerySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return Response.json(
      {
        error: "invalid_query",
        message: Object.entries(fieldErrors)
          .map(([field, key]) => `${field}: ${message(key)}`)
          .join(" "),
        fieldErrors,
      },
      { status: 400 },
    );
  }
  const q = resolveQuery(parsed.data);
  const stamp = [q.from, q.to, q.asOf && `asof-${q.asOf}`, q.recordedOn && `recorded-${q.recordedOn}`].filter(Boolean).join("-");

  switch (series) {
    case "in-force": {
      const rows = await inForcePerYear(db, q);
      if (format === "csv") return csvResponse(`in-force-${stamp}`, rows as unknown as Record<string, unknown>[], ["year", "kind", "state", "count"]);
      return Response.json({ query: q, rows });
    }
    case "changes": {
      const data = await changesPerYear(db, q);
      if (format === "csv") {
        const rows = [
          ...data.byInitiator.map((r) => ({ year: r.year ?? "unknown", change: r.change, split: "initiator", value: r.initiator, count: r.count })),
          ...data.byReason.map((r) => ({ year: r.year ?? "unknown", change: r.change, split: "reason", value: r.reason, count: r.count })),
        ];
        return csvResponse(`changes-${stamp}`, rows, ["year", "change", "split", "value", "count"]);
      }
      return Response.json({ query: q, ...data });
    }
    case "now": {
      const [rows, lookups] = await Promise.all([nowCounts(db, q), dashboardLookups(db)]);
      const counties = new Map(lookups.counties.map((c) => [c.code, c.name]));
      const provinces = new Map(lookups.provinces.map((p) => [p.id, p.name]));
      const labelled = rows.map((r) => ({
        ...r,
        label: r.dimension === "county" ? (counties.get(r.value ?? "") ?? null) : r.dimension === "province" ? (provinces.get(r.value ?? "") ?? null) : null,
      }));
      if (format === "csv") return csvResponse(`now-${stamp}`, labelled, ["dimension", "value", "label", "state", "count"]);
      return Response.json({ query: q, rows: labelled });
    }
    case "curation": {
      const data = await curationMetrics(db, q);
      if (format === "csv") {
        if (part === "proposals") {
          return csvResponse(`proposals-${stamp}`, data.proposalsPerMonth as unknown as Record<string, unknown>[], ["month", "opened", "approved", "rejected"]);
        }
        return csvResponse(`events-recorded-${stamp}`, data.eventsPerMonth as unknown as Record<string, unknown>[], ["month", "added", "corrections"]);
      }
      return Response.json({ query: q, ...data });
    }
    case "report": {
      const report = await reportFigures(db);
      if (format === "csv") return csvResponse("report-figures", report.figures as unknown as Record<string, unknown>[], ["id", "value", "report", "reportText"]);
      return Response.json({ figures: report.figures, endedUnknown2016: report.endedUnknown2016 });
    }
    case "drilldown": {
      const spec = drilldownSchema.parse(input);
      const result = await drilldown(db, { ...spec, page: spec.page ?? 1 });
      if (format === "json") {
        return Response.json({ query: result.query, spec: result.spec, total: result.total, page: result.page, pageSize: result.pageSize, rows: result.rows });
      }
      // The CSV holds every row, not one page.
      const all = [...result.rows];
      for (let page = (spec.page ?? 1) + 1; all.length < result.total && page <= 200; page++) all.push(...(await drilldown(db, { ...spec, page })).rows);
      const rows = all.map((r) => ({
        agreementId: r.agreement?.id ?? null,
        swedishParty: r.agreement?.swedishName ?? null,
        county: r.agreement?.countyName ?? null,
        foreignParty: r.agreement?.foreignName ?? null,
        foreignPartyNative: r.agreement?.foreignNameNative ?? null,
        province: r.agreement?.provinceName ?? null,
        kind: r.agreement?.kind ?? null,
        eventId: r.event?.id ?? null,
        status: r.event?.status ?? null,
        effectiveOn: r.event?.effectiveOn ?? null,
        effectivePrecision: r.event?.effectivePrecision ?? null,
        initiatedBy: r.event?.initiatedBy ?? null,
        reasons: r.event?.reasons.join(";") ?? null,
        recordedAt: r.event?.recordedAt ?? null,
        sources: r.sources.map((s) => s.source.citation).join(" | "),
        proposalId: r.proposal?.id ?? null,
        proposalStatus: r.proposal?.status ?? null,
      }));
      return csvResponse(`drilldown-${spec.series}`, rows, DRILLDOWN_CSV_COLUMNS);
    }
  }
}
