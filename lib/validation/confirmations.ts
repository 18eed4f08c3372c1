import { z } from "zod";
import { sourceInputSchema } from "./sources";

/** Confirming that agreements' current states still hold: each with the state (event) the user saw. */
export const confirmSchema = z.object({
  items: z
    .array(z.object({ agreementId: z.uuid(), eventId: z.uuid() }))
    .min(1, "confirm.errors.nothingChosen")
    .max(500),
  note: z
    .string()
    .trim()
    .max(2000, "confirm.errors.tooLong")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  /** Optional evidence: an existing source (staff, who may cite any) … */
  sourceId: z.uuid().nullable().optional(),
  /** … or a new one, of any kind (the e-mail that says so), stored as an internal source. */
  evidence: sourceInputSchema.nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
});
export type ConfirmInput = z.input<typeof confirmSchema>;

/** At most one file, and only with new evidence: the file is that source's attachment. */
export const MAX_CONFIRMATION_FILES = 1;
