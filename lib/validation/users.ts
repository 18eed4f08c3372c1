import { z } from "zod";
import { CONTROL_CHARS, hasControlChars } from "./text";
import { ROLES, type Role } from "../domain/enums";
import { newPasswordField, refinePasswordAgainstEmail } from "./password";

// Account administration. Messages are catalogue keys (lib/i18n/messages/*/auth.json).

export { PASSWORD_MIN_LENGTH, newPasswordField } from "./password";

export const roleSchema = z.enum(ROLES);

/**
 * Which roles may be held together: an administrator and a municipal official hold that one
 * role; analysts and reviewers may hold either or both.
 */
export function rolesCombinationAllowed(roles: readonly Role[]): boolean {
  if (roles.length === 0) return false;
  if (roles.includes("admin") || roles.includes("municipal_official")) return roles.length === 1;
  return true;
}

export const rolesField = z
  .array(roleSchema, { error: "admin.rolesRequired" })
  .min(1, "admin.rolesRequired")
  .transform((roles) => ROLES.filter((r) => roles.includes(r)))
  .refine(rolesCombinationAllowed, "admin.rolesCombination");

export const organizationField = z
  .union([z.uuid("admin.organizationInvalid"), z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

/** An official acts for exactly one organisation; the other roles for none. */
export function checkOrganization(value: { roles: Role[]; organizationId: string | null }, ctx: z.RefinementCtx) {
  if (value.roles.includes("municipal_official") && !value.organizationId) {
    ctx.addIssue({ code: "custom", path: ["organizationId"], message: "admin.organizationRequired" });
  }
}
export function dropOrganizationUnlessOfficial<T extends { roles: Role[]; organizationId: string | null }>(value: T): T {
  return value.roles.includes("municipal_official") ? value : { ...value, organizationId: null };
}

export const emailField = z
  .string({ error: "admin.emailRequired" })
  .trim()
  .min(1, "admin.emailRequired")
  .max(254, "auth.emailInvalid")
  .pipe(z.email("auth.emailInvalid"))
  .transform((e) => e.toLowerCase());

export const nameField = z
  .string({ error: "admin.nameRequired" })
  .trim()
  .min(1, "admin.nameRequired")
  .max(200, "admin.nameTooLong")
  .refine((v) => !hasControlChars(v), CONTROL_CHARS);

export const createUserSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    roles: rolesField,
    organizationId: organizationField,
  })
  .superRefine(checkOrganization)
  .superRefine(refinePasswordAgainstEmail((v) => v.password, (v) => v.email))
  .transform(dropOrganizationUnlessOfficial);
export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateUserData = z.output<typeof createUserSchema>;

const userIdField = z.uuid("admin.userNotFound");

export const changeRolesSchema = z
  .object({
    userId: userIdField,
    roles: rolesField,
    organizationId: organizationField,
    /** The roles and organisation the admin saw: a change made meanwhile by someone else is not overwritten. */
    base: z.object({ roles: z.array(roleSchema), organizationId: z.uuid().nullable() }),
  })
  .superRefine(checkOrganization)
  .transform(dropOrganizationUnlessOfficial);
export type ChangeRolesInput = z.input<typeof changeRolesSchema>;

export const setActiveSchema = z.object({
  userId: userIdField,
  reason: z
    .string()
    .trim()
    .max(500, "admin.reasonTooLong")
    .refine((v) => !hasControlChars(v, true), CONTROL_CHARS)
    .optional()
    .transform((v) => v || null),
});
export type SetActiveInput = z.input<typeof setActiveSchema>;

/** The bootstrap admin (command line or ADMIN_EMAIL/ADMIN_PASSWORD at start). */
export const firstAdminSchema = z
  .object({ email: emailField, name: nameField, password: newPasswordField })
  .superRefine(refinePasswordAgainstEmail((v) => v.password, (v) => v.email));
