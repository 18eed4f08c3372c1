import { z } from "zod";
import { lineText, multilineText } from "./text";
import { parsePartialDate } from "../domain/partial-date";

/**
 * The fields of an agreement a source can make a claim about. A claim's value is text; for a
 * date field it is a partial date string ("2009", "2009-05", "2009-05-12").
 */
export const CLAIM_FIELDS = ["established", "designation", "funding", "kind"] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
export const DATE_CLAIM_FIELDS: readonly ClaimField[] = ["established"];

const text = (max: number) => multilineText(max, "evidence.errors.tooLong");

export const createClaimSchema = z
  .object({
    agreementId: z.uuid(),
    field: z.enum(CLAIM_FIELDS, "claims.errors.fieldRequired"),
    value: lineText(500, "evidence.errors.tooLong").pipe(z.string().min(1, "claims.errors.valueRequired")),
    sourceId: z.uuid("evidence.errors.sourcePick"),
    quote: text(5000),
    page: text(50),
  })
  .superRefine((c, ctx) => {
    if (!DATE_CLAIM_FIELDS.includes(c.field)) return;
    try {
      parsePartialDate(c.value);
    } catch {
      ctx.addIssue({ code: "custom", path: ["value"], message: "claims.errors.dateValue" });
    }
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const preferClaimSchema = z.object({
  claimId: z.uuid(),
  reason: multilineText(2000, "evidence.errors.tooLong").pipe(z.string().min(1, "claims.errors.reasonRequired")),
});
export type PreferClaimInput = z.infer<typeof preferClaimSchema>;
