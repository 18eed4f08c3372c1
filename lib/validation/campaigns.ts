import { z } from "zod";
import { SWEDISH_ORG_KINDS } from "../domain/enums";

// Messages are catalogue keys under campaigns.errors (lib/i18n/messages/<locale>/campaigns.json).

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "campaigns.errors.tooLong")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** Which organisations a campaign writes to: every criterion given must hold. */
export const selectionSchema = z.object({
  kinds: z.array(z.enum(SWEDISH_ORG_KINDS)).min(1, "campaigns.errors.noKind").max(3),
  /** One county (SCB län code), or every county when empty. */
  countyCode: z
    .string()
    .trim()
    .regex(/^(\d{2})?$/, "campaigns.errors.county")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  /** Only organisations that are the Swedish party of at least one agreement. */
  withAgreementsOnly: z.boolean(),
  /** Only organisations with no confirmation on or after this day (YYYY-MM-DD). */
  notConfirmedSince: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "campaigns.errors.date")
    .refine((v) => v === "" || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "campaigns.errors.date")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
});
export type SelectionInput = z.input<typeof selectionSchema>;
export type Selection = z.output<typeof selectionSchema>;

export const startCampaignSchema = z.object({
  title: z.string().trim().min(3, "campaigns.errors.title").max(200, "campaigns.errors.tooLong"),
  messageSv: z.string().trim().min(10, "campaigns.errors.message").max(5000, "campaigns.errors.tooLong"),
  messageEn: optionalText(5000),
  reminderAfterDays: z.number({ error: "campaigns.errors.days" }).int("campaigns.errors.days").min(1, "campaigns.errors.days").max(365, "campaigns.errors.days"),
  selection: selectionSchema,
});
export type StartCampaignInput = z.input<typeof startCampaignSchema>;

export const closeCampaignSchema = z.object({ campaignId: z.uuid() });
