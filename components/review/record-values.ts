import type { RevisionEntity } from "@/lib/revisions/record";
import type { DateFormat } from "@/lib/i18n/date-format";

// A stored record's fields and values as people read them, for history tables: labels from the
// catalogue (never the column name), codes translated, dates in the one date format, parties by name.

type T = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

export function fieldLabel(t: T, entity: RevisionEntity, field: string): string {
  const key = `recordFields.${entity}.${field}`;
  return t.has(key) ? t(key) : t("recordFields.other");
}

const CODE_NAMESPACES: Record<string, string> = {
  kind: "kind",
  status: "status",
  precision: "evidence.fields.precisionOption",
  establishedPrecision: "evidence.fields.precisionOption",
  datePrecision: "evidence.fields.precisionOption",
  visibility: "publish.visibility",
  level: "foreignLevel",
};
const DAY_FIELDS = new Set(["establishedOn", "effectiveOn", "meetingDate", "publishedOn", "retrievedOn", "date"]);

export function fieldValue(t: T, dates: DateFormat, entity: RevisionEntity, field: string, value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.map(String).join(", ") || "–";
  if (typeof value === "object") return "…";
  const text = String(value);
  if (names.has(text)) return names.get(text)!;
  const ns = field === "kind" ? (entity === "source" ? "sourceKind" : entity === "organization" ? "orgKind" : "kind") : CODE_NAMESPACES[field];
  if (ns && t.has(`${ns}.${text}`)) return t(`${ns}.${text}`);
  if (DAY_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}/.test(text)) return dates.day(text);
  return text;
}

/** The ids among a list of snapshots' values that name other records (parties, parents, superseded events). */
export function referencedIds(snapshots: (Record<string, unknown> | null)[]): string[] {
  const ids = new Set<string>();
  for (const s of snapshots) for (const v of Object.values(s ?? {})) if (typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(v)) ids.add(v);
  return [...ids];
}
