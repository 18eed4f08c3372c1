import { formatPartialDate, parsePartialDate } from "@/lib/domain/partial-date";
import { intlLocale } from "./config";

// The one way the interface writes a moment or a day, in every page, e-mail and export label:
//   a moment (recorded, decided, signed in):  "1 dec. 2026 20:49"  /  "1 Dec 2026, 20:49"
//   the day of a moment (last confirmed):     "1 dec. 2026"        /  "1 Dec 2026"
//   a calendar day (effective, as of):        "1 december 2026"    /  "1 December 2026" (partial dates keep their precision)
// Moments are shown in Swedish time whatever the server's zone. English is British English
// (day before month), so that the two languages order a date the same way.

export const TIME_ZONE = "Europe/Stockholm";


type Moment = Date | string | number;
const asDate = (value: Moment) => (value instanceof Date ? value : new Date(value));

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options })));
  return f;
}

/** A moment with its time: "1 dec. 2026 20:49". */
export function formatMoment(value: Moment, locale: string): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short" }).format(asDate(value));
}

/** The day of a moment, without the time: "1 dec. 2026". */
export function formatMomentDay(value: Moment, locale: string): string {
  return formatter(locale, { dateStyle: "medium" }).format(asDate(value));
}

/** The time of a moment only: "20:49". */
export function formatMomentTime(value: Moment, locale: string): string {
  return formatter(locale, { timeStyle: "short" }).format(asDate(value));
}

/** A calendar day or partial date as stored ("2026-12-01", "2026-12", "2026"): "1 december 2026", "december 2026", "2026". */
export function formatDay(text: string, locale: string, unknownLabel = "–"): string {
  try {
    return formatPartialDate(parsePartialDate(text.slice(0, 10)), locale, unknownLabel);
  } catch {
    return text;
  }
}

/** The formatters bound to one locale, for a page: `const dates = dateFormat(await getLocale())`. */
export function dateFormat(locale: string) {
  return {
    moment: (value: Moment) => formatMoment(value, locale),
    momentDay: (value: Moment) => formatMomentDay(value, locale),
    time: (value: Moment) => formatMomentTime(value, locale),
    day: (text: string, unknownLabel?: string) => formatDay(text, locale, unknownLabel),
  };
}
export type DateFormat = ReturnType<typeof dateFormat>;
