import { z } from "zod";

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
  /** Optional evidence: an existing source. */
  sourceId: z.uuid().nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
});
export type ConfirmInput = z.input<typeof confirmSchema>;
