import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AgreementListRow } from "../agreements/list";
import { writeCsv, type CsvDelimiter } from "../csv";
import { partialDateToString } from "../domain/partial-date";
import type { Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";

// The export of the agreements table's current view, in the columns the import reads (so that
// export → edit in a spreadsheet → import gives exactly the edits, and "no changes" otherwise):
// the id and version name the agreement and the version the edit is based on; the parties,
// kind and fields as the import reads them; the status as the import checks it. Values are
// codes by default, or the interface's labels in one language (the import reads both).
// county, last_changed and sources are for reading only.

export const EXPORT_COLUMNS = [
  "id",
  "version",
  "swedish_party",
  "swedish_party_code",
  "swedish_party_kind",
  "foreign_party",
  "foreign_party_native",
  "foreign_party_level",
  "foreign_party_province",
  "kind",
  "designation",
  "established",
  "funding",
  "areas",
  "notes",
  "status",
  "status_date",
  "county",
  "last_changed",
  "sources",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRecord = Record<ExportColumn, string | number | null>;

export interface ExportOptions {
  /** Values as the interface's labels in this language instead of codes. */
  labels?: Locale;
}

/** What the table's rows leave out and the import reads: version, funding, areas, notes, the foreign party's level. */
interface Details {
  id: string;
  version: number;
  funding: string | null;
  areas: string[];
  notes: string | null;
  level: string | null;
}

async function loadDetails(db: Db, ids: string[]): Promise<Map<string, Details>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<Details>(
    db,
    sql`SELECT a.id, a.version, a.funding, a.areas, a.notes, f.level
        FROM agreements a JOIN organizations f ON f.id = a.foreign_org_id
        WHERE a.id IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function labeller(locale: Locale | undefined) {
  const messages = locale ? loadMessages(locale) : null;
  return (group: string, code: string | null): string | null => {
    if (code === null) return null;
    const label = (messages?.[group] as Record<string, string> | undefined)?.[code];
    return label ?? code;
  };
}

export async function toExportRecords(db: Db, rows: AgreementListRow[], options: ExportOptions = {}): Promise<ExportRecord[]> {
  const details = await loadDetails(db, rows.map((r) => r.id));
  const label = labeller(options.labels);
  return rows.map((r) => {
    const d = details.get(r.id);
    return {
      id: r.id,
      version: d?.version ?? null,
      swedish_party: r.swedishName,
      swedish_party_code: r.swedishCode,
      swedish_party_kind: label("orgKind", r.swedishKind),
      foreign_party: r.foreignName,
      foreign_party_native: r.foreignNameNative,
      foreign_party_level: label("foreignLevel", d?.level ?? null),
      foreign_party_province: r.provinceId && r.provinceId !== r.foreignId ? r.provinceName : null,
      kind: label("kind", r.kind),
      designation: r.designation,
      established: partialDateToString({ on: r.establishedOn, precision: r.establishedPrecision }),
      funding: d?.funding ?? null,
      areas: (d?.areas ?? []).join("; "),
      notes: d?.notes ?? null,
      status: r.status ? label("status", r.status) : null,
      status_date: r.statusOn ? partialDateToString({ on: r.statusOn, precision: r.statusPrecision ?? "unknown" }) : null,
      county: r.countyName,
      last_changed: r.lastChangedAt,
      sources: r.sourceCount,
    };
  });
}

/** The rows as CSV through the app's one CSV writer (byte-order mark, formula cells neutralised). */
export async function agreementsToCsv(db: Db, rows: AgreementListRow[], options: ExportOptions & { delimiter?: CsvDelimiter } = {}): Promise<string> {
  return writeCsv(EXPORT_COLUMNS, await toExportRecords(db, rows, options), { delimiter: options.delimiter });
}

export async function agreementsToJson(db: Db, rows: AgreementListRow[], meta: { query: string; exportedAt: string }, options: ExportOptions = {}): Promise<string> {
  return JSON.stringify({ ...meta, count: rows.length, agreements: await toExportRecords(db, rows, options) }, null, 2);
}
