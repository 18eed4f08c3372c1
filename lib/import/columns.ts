import { fold } from "../agreements/fold";
import { restoreCell } from "../csv";
import type { AgreementKind, EventStatus, ForeignLevel, SwedishOrgKind } from "../domain/enums";
import { AGREEMENT_KINDS, EVENT_STATUSES, FOREIGN_LEVELS, SWEDISH_ORG_KINDS } from "../domain/enums";

// The CSV format for importing agreements: one agreement per row, a header row naming the
// columns. English column names (as the export writes them) or their Swedish equivalents.

export const IMPORT_COLUMNS = [
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
  "source",
] as const;

/** Columns the export writes for reading only (the import knows them and leaves them). */
export const EXPORT_ONLY_COLUMNS = ["county", "last_changed", "sources"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const HEADER_ALIASES: Record<string, ImportColumn> = {
  svensk_part: "swedish_party",
  svensk_part_kod: "swedish_party_code",
  kod: "swedish_party_code",
  svensk_part_typ: "swedish_party_kind",
  kinesisk_part: "foreign_party",
  utlandsk_part: "foreign_party",
  kinesisk_part_originalskrift: "foreign_party_native",
  utlandsk_part_originalskrift: "foreign_party_native",
  provins: "foreign_party_province",
  foreign_party_province_name: "foreign_party_province",
  province: "foreign_party_province",
  typ: "kind",
  avtalstyp: "kind",
  benamning: "designation",
  officiell_benamning: "designation",
  etablerat: "established",
  finansiering: "funding",
  omraden: "areas",
  samarbetsomraden: "areas",
  anteckningar: "notes",
  statusdatum: "status_date",
  kalla: "source",
  version: "version",
};

/** A header cell as the column it names, or null for a column the import does not read. */
export function columnOf(header: string): ImportColumn | null {
  const key = fold(header.trim()).replace(/[\s-]+/g, "_");
  if ((IMPORT_COLUMNS as readonly string[]).includes(key)) return key as ImportColumn;
  return HEADER_ALIASES[key] ?? null;
}

const KIND_ALIASES: Record<string, AgreementKind> = {
  vanort: "twin_city",
  vanorter: "twin_city",
  vanortssamarbete: "twin_city",
  "twin city": "twin_city",
  "sister city": "twin_city",
  partnerskap: "partnership",
  "kommunalt partnerskap": "partnership",
  "municipal partnership": "partnership",
  annat: "other",
  "annat samarbetsavtal": "other",
  "other cooperation agreement": "other",
};

export function parseKind(text: string): AgreementKind | null {
  const key = fold(text.trim()).replace(/_/g, " ");
  const code = key.replace(/ /g, "_");
  if ((AGREEMENT_KINDS as readonly string[]).includes(code)) return code as AgreementKind;
  return KIND_ALIASES[key] ?? null;
}

const SWEDISH_KIND_ALIASES: Record<string, SwedishOrgKind> = { lansstyrelse: "lansstyrelse", "county board": "lansstyrelse", kommun: "kommun", municipality: "kommun", region: "region" };

export function parseSwedishKind(text: string): SwedishOrgKind | null {
  const key = fold(text.trim());
  if ((SWEDISH_ORG_KINDS as readonly string[]).includes(key)) return key as SwedishOrgKind;
  return SWEDISH_KIND_ALIASES[key] ?? null;
}

export function parseStatus(text: string): EventStatus | null {
  const key = fold(text.trim()).replace(/[\s-]+/g, "_");
  return (EVENT_STATUSES as readonly string[]).includes(key) ? (key as EventStatus) : null;
}

export function parseForeignLevel(text: string): ForeignLevel | null {
  const key = fold(text.trim()).replace(/[\s-]+/g, "_");
  return (FOREIGN_LEVELS as readonly string[]).includes(key) ? (key as ForeignLevel) : null;
}

/** A CSV row keyed by import column (unknown columns dropped, cells trimmed). */
export type ImportRow = Partial<Record<ImportColumn, string>>;

export function normaliseRow(raw: Record<string, unknown>): ImportRow {
  const row: ImportRow = {};
  for (const [header, value] of Object.entries(raw)) {
    const column = columnOf(header);
    if (column && typeof value === "string" && value.trim() !== "") row[column] = restoreCell(value).trim();
  }
  return row;
}

export const MAX_IMPORT_ROWS = 20_000;
