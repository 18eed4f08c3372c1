import { z } from "zod";
import { FOREIGN_LEVELS } from "../domain/enums";

// Messages are catalogue keys (lib/i18n/messages/*/registry.json), translated where shown.

import { lineText } from "./text";

const text = (max: number) => lineText(max, "registry.errors.tooLong");

/** A foreign (e.g. Chinese) party: the only kind the interface creates; Swedish parties come from SCB's lists. */
export const foreignOrganizationSchema = z.object({
  name: text(200).min(1, "registry.errors.nameRequired"),
  nameNative: text(200),
  level: z.union([z.enum(FOREIGN_LEVELS, "registry.errors.levelInvalid"), z.literal("")]),
  parentId: z.union([z.uuid("registry.errors.parentInvalid"), z.literal("")]),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "registry.errors.countryCode")
    .refine((c) => c !== "SE", "registry.errors.countryNotSweden"),
});
export type ForeignOrganizationInput = z.input<typeof foreignOrganizationSchema>;
export type ForeignOrganizationValues = z.output<typeof foreignOrganizationSchema>;

export const EMPTY_FOREIGN_ORGANIZATION: ForeignOrganizationInput = {
  name: "",
  nameNative: "",
  level: "",
  parentId: "",
  countryCode: "CN",
};
