import { z } from "zod";
import { AGREEMENT_KINDS, DATE_PRECISIONS } from "../domain/enums";
import { MAX_SOURCES_PER_EVENT, sourceUseSchema } from "./events";
import { foreignOrganizationSchema } from "./organizations";
import { partialDateProblem } from "./partial-date-input";
import { lineText, multilineText, refinePartialDate } from "./text";

// One schema for the agreement form: the browser checks it with react-hook-form's zod resolver,
// and the server action parses the very same schema again before anything is written.
// Messages are catalogue keys (lib/i18n/messages/*/registry.json).

const TOO_LONG = "registry.errors.tooLong";

/**
 * "", "2019", "2019-05" or "2019-05-14": as precise as the source, never more; a date that
 * exists, from 1900 on, and not in the future ("2999" is refused).
 */
export const partialDateText = z.string().trim().max(10, "registry.errors.date").superRefine(refinePartialDate("registry.errors.date"));

export const foreignPartySchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), id: z.uuid("registry.errors.foreignRequired") }),
  z.object({ mode: z.literal("new"), org: foreignOrganizationSchema }),
]);

export const agreementSchema = z.object({
  swedishOrgId: z.uuid("registry.errors.swedishRequired"),
  foreign: foreignPartySchema,
  kind: z.enum(AGREEMENT_KINDS, "registry.errors.kindRequired"),
  designation: lineText(500, TOO_LONG),
  established: partialDateText,
  funding: multilineText(2000, TOO_LONG),
  /** Areas of cooperation, one per line (or separated by semicolons). */
  areas: multilineText(2000, TOO_LONG),
  notes: multilineText(20_000, TOO_LONG),
});
export type AgreementInput = z.input<typeof agreementSchema>;
export type AgreementValues = z.output<typeof agreementSchema>;

/**
 * A new agreement's first status: its establishment (Active), at the date and precision the
 * source gives, with its source(s), as the status-change form enters them. Left empty (no date
 * typed, no source) the agreement is saved without a status, visibly incomplete; half-filled
 * (a date without a source, a source without a date, a date that does not exist) it is refused
 * field by field. Checked as a whole, so that a source's own errors and the date's show together.
 */
export const firstStatusSchema = z
  .object({
    effective: z.object({ precision: z.enum(DATE_PRECISIONS), value: z.string().max(10) }),
    sources: z.array(sourceUseSchema).max(MAX_SOURCES_PER_EVENT, "evidence.errors.tooManySources"),
  })
  .superRefine(
    (s, ctx) => {
      if (isEmptyFirstStatus(s)) return;
      const problem = partialDateProblem(s.effective, { required: false });
      if (problem) ctx.addIssue({ code: "custom", path: ["effective", s.effective.precision === "unknown" ? "precision" : "value"], message: problem });
      if (s.sources.length === 0) ctx.addIssue({ code: "custom", path: ["sources"], message: "registry.errors.firstStatusSourceRequired" });
      const seen = new Set<string>();
      s.sources.forEach((use, i) => {
        if (use?.mode !== "existing") return;
        if (seen.has(use.sourceId)) ctx.addIssue({ code: "custom", path: ["sources", i, "sourceId"], message: "evidence.errors.sourceTwice" });
        seen.add(use.sourceId);
      });
    },
    // Also when a source entry has errors of its own: the date's problem is shown with them.
    { when: (payload) => isFirstStatusShape(payload.value) },
  );
export type FirstStatusInput = z.input<typeof firstStatusSchema>;

function isFirstStatusShape(v: unknown): v is { effective: { precision: (typeof DATE_PRECISIONS)[number]; value: string }; sources: { mode?: string; sourceId?: string }[] } {
  const o = v as { effective?: { precision?: unknown; value?: unknown }; sources?: unknown } | null;
  return (
    !!o &&
    typeof o === "object" &&
    typeof o.effective?.value === "string" &&
    (DATE_PRECISIONS as readonly unknown[]).includes(o.effective.precision) &&
    Array.isArray(o.sources)
  );
}

/** Nothing entered: no date typed and no source (whatever the precision says). */
export function isEmptyFirstStatus(s: { effective: { value: string }; sources: readonly unknown[] }): boolean {
  return s.sources.length === 0 && s.effective.value.trim() === "";
}

/** Creating an agreement: its fields and, optionally, its first status (lib/agreements/create.ts). */
export const agreementCreateSchema = agreementSchema.extend({ firstStatus: firstStatusSchema.optional() });
export type AgreementCreateInput = z.input<typeof agreementCreateSchema>;
export type AgreementCreateValues = z.output<typeof agreementCreateSchema>;

export const EMPTY_FIRST_STATUS: FirstStatusInput = { effective: { precision: "year", value: "" }, sources: [] };

/** An edit carries the version it was based on, and may say why. */
export const agreementUpdateSchema = agreementSchema.extend({
  id: z.uuid("registry.errors.notFound"),
  baseVersion: z.number().int().positive(),
  reason: multilineText(1000, TOO_LONG),
});
export type AgreementUpdateInput = z.input<typeof agreementUpdateSchema>;
export type AgreementUpdateValues = z.output<typeof agreementUpdateSchema>;

export const EMPTY_AGREEMENT: AgreementInput = {
  swedishOrgId: "",
  foreign: { mode: "existing", id: "" },
  kind: "twin_city",
  designation: "",
  established: "",
  funding: "",
  areas: "",
  notes: "",
};

/** Splits the areas text into a list: one per line or per semicolon, trimmed, without repeats. */
export function splitAreas(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n;]/)
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
    ),
  ];
}

/**
 * An agreement's values as every write stores them (the form's, a proposal's, an import row's,
 * a revert's), checked by the one write function before anything is written
 * (lib/agreements/write.ts). Dates as "2019" / "2019-05" / "2019-05-14"; empty texts are null.
 */
const nullableLine = (max: number) => lineText(max, TOO_LONG).nullable().transform((v) => v || null);
const nullableText = (max: number) => multilineText(max, TOO_LONG).nullable().transform((v) => v || null);
export const agreementValuesSchema = z.object({
  swedishOrgId: z.uuid("registry.errors.swedishRequired"),
  foreignOrgId: z.uuid("registry.errors.foreignRequired"),
  kind: z.enum(AGREEMENT_KINDS, "registry.errors.kindRequired"),
  designation: nullableLine(500),
  established: z
    .string()
    .trim()
    .max(10, "registry.errors.date")
    .nullable()
    .superRefine(refinePartialDate("registry.errors.date"))
    .transform((v) => v || null),
  funding: nullableText(2000),
  areas: z.array(lineText(200, TOO_LONG).min(1)).max(50, TOO_LONG),
  notes: nullableText(20_000),
});
export type AgreementValuesInput = z.input<typeof agreementValuesSchema>;
export type AgreementStoredValues = z.output<typeof agreementValuesSchema>;
