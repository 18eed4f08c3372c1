import type { ReleaseChanges } from "./open-data";

type Section = keyof Omit<ReleaseChanges, "first">;
type Translate = { (key: string): string; has(key: string): boolean };

/** Column names in a revision's changed fields, as the form names them. */
const FIELD_OF_COLUMN: Record<string, string> = { establishedOn: "established", establishedPrecision: "established" };

/**
 * A release note's detail in the reader's language. The notes store codes (an agreement's kind,
 * a revision's changed columns, an event's status and date, a source's kind), so that a
 * release's stored notes read right in every language.
 */
export function releaseChangeDetail(section: Section, detail: string, t: Translate): string {
  const word = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  switch (section) {
    case "agreementsAdded":
      return word(`kind.${detail}`, detail);
    case "sourcesAdded":
      return word(`sourceKind.${detail}`, detail);
    case "statusChanges":
    case "corrections": {
      const [status = "", ...date] = detail.split(" ");
      return [word(`status.${status}`, status), ...date].join(" ");
    }
    case "agreementsEdited": {
      const fields = detail.split(", ").map((c) => FIELD_OF_COLUMN[c] ?? c);
      return [...new Set(fields)].map((f) => word(`registry.fields.${f}`, f)).join(", ");
    }
  }
}
