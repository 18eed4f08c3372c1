import { intlLocale } from "../i18n/config";
import type { DatePrecision } from "./enums";

/** A date as precise as its source: `on` is the first day of the named period, or null when unknown. */
export interface PartialDate {
  on: string | null;
  precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2019" → year, "2019-12" → month, "2019-12-10" → day, null/"" → unknown. Throws on anything else. */
export function parsePartialDate(text: string | null | undefined): PartialDate {
  if (text == null || text.trim() === "") return { on: null, precision: "unknown" };
  const m = PATTERN.exec(text.trim());
  if (!m) throw new RangeError(`Not a date: "${text}" (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
  const [, y, mo, d] = m;
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  const probe = new Date(Date.UTC(Number(y), month - 1, day));
  if (probe.getUTCFullYear() !== Number(y) || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`No such date: "${text}"`);
  }
  const on = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { on, precision: d ? "day" : mo ? "month" : "year" };
}

/** The inverse of parsePartialDate: the shortest string that says what is known. */
export function partialDateToString(date: PartialDate): string | null {
  if (date.on == null || date.precision === "unknown") return null;
  if (date.precision === "year") return date.on.slice(0, 4);
  if (date.precision === "month") return date.on.slice(0, 7);
  return date.on.slice(0, 10);
}

/** The calendar year of a partial date, or null when unknown. */
export function partialDateYear(date: PartialDate): number | null {
  return date.on == null || date.precision === "unknown" ? null : Number(date.on.slice(0, 4));
}

/** Formats for display in a locale without inventing precision: a year stays a year. */
export function formatPartialDate(date: PartialDate, locale: string, unknownLabel: string): string {
  if (date.on == null || date.precision === "unknown") return unknownLabel;
  const [y, m, d] = date.on.slice(0, 10).split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (date.precision === "year") return String(y);
  if (date.precision === "month") {
    return new Intl.DateTimeFormat(intlLocale(locale), { year: "numeric", month: "long", timeZone: "UTC" }).format(utc);
  }
  return new Intl.DateTimeFormat(intlLocale(locale), { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(utc);
}

/** What is wrong with a partial date as typed, or null: a date must exist, be after 1900 and not lie in the future. */
export type PartialDateProblem = "format" | "noSuchDate" | "tooEarly" | "future";

/**
 * Checks an honest partial date ("", "2019", "2019-05", "2019-05-14"). The start of the named
 * period must not be after `today` (so "2026" is fine during 2026, "2999" never is).
 */
export function partialDateTextProblem(text: string | null | undefined, today: string = new Date().toISOString().slice(0, 10)): PartialDateProblem | null {
  if (text == null || text.trim() === "") return null;
  if (!PATTERN.test(text.trim())) return "format";
  let parsed: PartialDate;
  try {
    parsed = parsePartialDate(text);
  } catch {
    return "noSuchDate";
  }
  if (Number(parsed.on!.slice(0, 4)) < 1900) return "tooEarly";
  if (parsed.on! > today) return "future";
  return null;
}
