import { z } from "zod";
import { partialDateTextProblem } from "../domain/partial-date";

// Shared text and date checks for every schema in lib/validation.
//
// Control characters are refused, not stripped: a NUL cannot be stored at all (PostgreSQL
// refuses it), and a hidden bidi override (U+202E) or another invisible character makes a name
// read differently from what is stored, so silently removing it would save something other
// than what the person sees and hide a tampered value. The one harmless case is a carriage
// return in multi-line text (Windows line ends): it is turned into a plain newline.

/** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export const CONTROL_CHARS = "rules.controlChars";

/** Whether a text holds characters the registry refuses (tabs and newlines allowed when multi-line). */
export function hasControlChars(value: string, multiline = false): boolean {
  return (multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value);
}

/** A trimmed single-line text (names, codes, titles) of at most `max` characters. */
export function lineText(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((v) => !hasControlChars(v), CONTROL_CHARS);
}

/** A trimmed multi-line text (notes, quotes); CR LF becomes LF. */
export function multilineText(max: number, tooLong: string) {
  return z
    .string()
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((v) => !hasControlChars(v, true), CONTROL_CHARS),
    );
}

const DATE_KEYS = { noSuchDate: "rules.dateNoSuchDate", tooEarly: "rules.dateTooEarly", future: "rules.dateFuture" } as const;

/** The catalogue key for a partial date's problem (`formatKey` for a malformed one), or null. */
export function partialDateMessage(value: string | null | undefined, formatKey: string): string | null {
  const problem = partialDateTextProblem(value);
  if (!problem) return null;
  return problem === "format" ? formatKey : DATE_KEYS[problem];
}

/** Adds the partial date's problem to a zod refinement context. */
export function refinePartialDate(formatKey: string) {
  return (value: string | null | undefined, ctx: z.RefinementCtx) => {
    const message = partialDateMessage(value, formatKey);
    if (message) ctx.addIssue({ code: "custom", message });
  };
}
