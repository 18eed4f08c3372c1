import { writeCsv } from "../csv";
import type { AgreementListRow } from "../agreements/list";
import { partialDateToString } from "../domain/partial-date";

// The export of the agreements table's current view. Column names are stable English codes
// (the import reads the same names back); values are codes and ISO dates, not translations.

export const EXPORT_COLUMNS = [
  "id",
  "swedish_party",
  "swedish_party_code",
  "swedish_party_kind",
  "county",
  "foreign_party",
  "foreign_party_native",
  "foreign_party_province",
  "kind",
  "designation",
  "established",
  "status",
  "status_date",
  "last_changed",
  "sources",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRecord = Record<ExportColumn, string | number | null>;

export function toExportRecord(r: AgreementListRow): ExportRecord {
  return {
    id: r.id,
    swedish_party: r.swedishName,
    swedish_party_code: r.swedishCode,
    swedish_party_kind: r.swedishKind,
    county: r.countyName,
    foreign_party: r.foreignName,
    foreign_party_native: r.foreignNameNative,
    foreign_party_province: r.provinceName,
    kind: r.kind,
    designation: r.designation,
    established: partialDateToString({ on: r.establishedOn, precision: r.establishedPrecision }),
    status: r.status,
    status_date: r.statusOn ? partialDateToString({ on: r.statusOn, precision: r.statusPrecision ?? "unknown" }) : null,
    last_changed: r.lastChangedAt,
    sources: r.sourceCount,
  };
}

/** The rows as CSV through the app's one CSV writer (byte-order mark, formula cells neutralised). */
export function agreementsToCsv(rows: AgreementListRow[]): string {
  return writeCsv(EXPORT_COLUMNS, rows.map(toExportRecord));
}

export function agreementsToJson(rows: AgreementListRow[], meta: { query: string; exportedAt: string }): string {
  return JSON.stringify({ ...meta, count: rows.length, agreements: rows.map(toExportRecord) }, null, 2);
}
