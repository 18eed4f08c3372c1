import { z } from "zod";
import { CONTACT_KINDS } from "../accounts/vocabulary";
import { newPasswordField, refinePasswordAgainstEmail } from "./password";
import { lineText, multilineText } from "./text";
import { checkOrganization, dropOrganizationUnlessOfficial, emailField, nameField, organizationField, rolesField } from "./users";

// Invitations, passwords, address changes and organisation contacts. Messages are catalogue
// keys (lib/i18n/messages/<locale>/accounts.json and auth.json).

/** An invitation: a municipal official of an organisation (staff roles: admins only, checked by inviteUser). */
export const inviteUserSchema = z
  .object({
    name: nameField,
    email: emailField,
    roles: rolesField.default(["municipal_official"]),
    organizationId: organizationField,
  })
  .superRefine(checkOrganization)
  .transform(dropOrganizationUnlessOfficial);
export type InviteUserInput = z.input<typeof inviteUserSchema>;
export type InviteUserData = z.output<typeof inviteUserSchema>;

const repeatMatches = (v: { password: string; passwordRepeat: string }, ctx: z.RefinementCtx) => {
  if (v.password !== v.passwordRepeat) ctx.addIssue({ code: "custom", path: ["passwordRepeat"], message: "password.mismatch" });
};

const tokenField = z.string().max(200);

/**
 * Setting a password through a link (invitation or reset). `email` is the account's: the page
 * shows it and the server takes it from the link's account, never from the client.
 */
export const setPasswordSchema = z
  .object({ token: tokenField, email: z.string(), password: newPasswordField, passwordRepeat: z.string() })
  .superRefine(refinePasswordAgainstEmail((v) => v.password, (v) => v.email))
  .superRefine(repeatMatches);
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

/** "Glömt lösenord": only the address. */
export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

const currentPasswordField = z.string({ error: "account.currentRequired" }).min(1, "account.currentRequired").max(1024);

/** One's own password change; `email` is the signed-in account's (taken from the session on the server). */
export const changePasswordSchema = z
  .object({ email: z.string(), currentPassword: currentPasswordField, password: newPasswordField, passwordRepeat: z.string() })
  .superRefine(refinePasswordAgainstEmail((v) => v.password, (v) => v.email))
  .superRefine(repeatMatches);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** One's own address change: confirmed by a link to the new address. */
export const changeEmailSchema = z.object({ newEmail: emailField, currentPassword: currentPasswordField });
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;

/** A link's token alone (confirming an address change). */
export const tokenSchema = z.object({ token: tokenField });

const contactFields = {
  kind: z.enum(CONTACT_KINDS, "contacts.kindInvalid"),
  name: lineText(200, "contacts.tooLong")
    .optional()
    .transform((v) => v || null),
  email: emailField,
  note: multilineText(1000, "contacts.tooLong")
    .optional()
    .transform((v) => v || null),
};

export const addContactSchema = z.object({ organizationId: z.uuid("contacts.organizationInvalid"), ...contactFields });
export type AddContactInput = z.input<typeof addContactSchema>;

/** An edit carries the version it was based on: a contact changed meanwhile is not overwritten. */
export const updateContactSchema = z.object({ id: z.uuid("contacts.notFound"), version: z.number().int().positive(), ...contactFields });
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export const removeContactSchema = z.object({ id: z.uuid("contacts.notFound"), version: z.number().int().positive() });
export type RemoveContactInput = z.input<typeof removeContactSchema>;
