import { z } from "zod";
import { AGREEMENT_KINDS } from "../domain/enums";
import { parsePartialDate } from "../domain/partial-date";
import { foreignOrganizationSchema } from "./organizations";

// One schema for the agreement form: the browser checks it with react-hook-form's zod resolver,
// and the server action parses the very same schema again before anything is written.
// Messages are catalogue keys (lib/i18n/messages/*/registry.json).

const text = (max: number) => z.string().trim().max(max, "registry.errors.tooLong");

function isPartialDate(value: string): boolean {
  try {
    parsePartialDate(value);
    return true;
  } catch {
    return false;
  }
}

/** "", "2019", "2019-05" or "2019-05-14": as precise as the source, never more. */
export const partialDateText = z.string().trim().max(10, "registry.errors.date").refine(isPartialDate, "registry.errors.date");

export const foreignPartySchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("existing"), id: z.uuid("registry.errors.foreignRequired") }),
  z.object({ mode: z.literal("new"), org: foreignOrganizationSchema }),
]);

export const agreementSchema = z.object({
  swedishOrgId: z.uuid("registry.errors.swedishRequired"),
  foreign: foreignPartySchema,
  kind: z.enum(AGREEMENT_KINDS, "registry.errors.kindRequired"),
  designation: text(500),
  established: partialDateText,
  funding: text(2000),
  /** Areas of cooperation, one per line (or separated by semicolons). */
  areas: text(2000),
  notes: text(20_000),
});
export type AgreementInput = z.input<typeof agreementSchema>;
export type AgreementValues = z.output<typeof agreementSchema>;

/** An edit carries the version it was based on, and may say why. */
export const agreementUpdateSchema = agreementSchema.extend({
  id: z.uuid("registry.errors.notFound"),
  baseVersion: z.number().int().positive(),
  reason: text(1000),
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
