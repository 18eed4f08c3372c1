import { z } from "zod";
import { DATE_PRECISIONS, type DatePrecision } from "../domain/enums";
import { parsePartialDate, type PartialDate } from "../domain/partial-date";

/**
 * A date as a form enters it: the precision the source gives (day, month, year or unknown) and
 * only what is known ("2020-05-03", "2020-05", "2020", or nothing). Never a day invented for a year.
 */
export interface PartialDateInput {
  precision: DatePrecision;
  value: string;
}

const FORMAT: Record<Exclude<DatePrecision, "unknown">, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
};

/** Today as YYYY-MM-DD in UTC; a parameter so that tests can pin it. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The catalogue key of what is wrong with a partial date, or null when it is fine. */
export function partialDateProblem(input: PartialDateInput, options: { required: boolean; today?: string }): string | null {
  const value = input.value.trim();
  if (input.precision === "unknown") return options.required ? "evidence.date.required" : null;
  if (value === "") return "evidence.date.valueMissing";
  if (!FORMAT[input.precision].test(value)) return `evidence.date.format.${input.precision}`;
  let parsed: PartialDate;
  try {
    parsed = parsePartialDate(value);
  } catch {
    return "evidence.date.noSuchDate";
  }
  if (Number(parsed.on!.slice(0, 4)) < 1900) return "evidence.date.tooEarly";
  const today = options.today ?? todayIso();
  // The start of the named period must not be after today: "2026" is fine during 2026.
  if (parsed.on! > today) return "evidence.date.future";
  return null;
}

/** The stored shape: first day of the period and its precision; null and "unknown" when unknown. */
export function toPartialDate(input: PartialDateInput): PartialDate {
  if (input.precision === "unknown") return { on: null, precision: "unknown" };
  const parsed = parsePartialDate(input.value.trim());
  return { on: parsed.on, precision: input.precision };
}

/** The inverse, for pre-filling a form from a stored date. */
export function fromPartialDate(date: { on: string | null; precision: DatePrecision }): PartialDateInput {
  if (date.on == null || date.precision === "unknown") return { precision: "unknown", value: "" };
  const len = date.precision === "year" ? 4 : date.precision === "month" ? 7 : 10;
  return { precision: date.precision, value: date.on.slice(0, len) };
}

function schema(required: boolean) {
  return z
    .object({ precision: z.enum(DATE_PRECISIONS), value: z.string().max(10) })
    .superRefine((d, ctx) => {
      const problem = partialDateProblem(d, { required });
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [d.precision === "unknown" ? "precision" : "value"] });
    });
}

/** A date that may be unknown. */
export const partialDateInputSchema = schema(false);
/** A date that must be known at least to the year. */
export const knownPartialDateInputSchema = schema(true);

/** An optional full date (YYYY-MM-DD) from a date input; "" when absent. */
export const optionalDaySchema = z
  .string()
  .trim()
  .refine((v) => v === "" || partialDateProblem({ precision: "day", value: v }, { required: true }) === null, "evidence.date.invalidDay");
