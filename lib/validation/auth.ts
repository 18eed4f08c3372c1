import { z } from "zod";
import { AUDIT_ACTIONS } from "../auth/audit-actions";

/** The longest address SMTP allows (RFC 5321), and a bound on what the password hash reads. */
export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 1024;

export const signInSchema = z.object({
  email: z.string().trim().min(1, "auth.emailRequired").max(EMAIL_MAX, "auth.emailTooLong").email("auth.emailInvalid"),
  password: z.string().min(1, "auth.passwordRequired").max(PASSWORD_MAX, "auth.passwordTooLong"),
});
export type SignInInput = z.infer<typeof signInSchema>;

const dateFilter = z
  .union([z.iso.date("audit.dateInvalid"), z.literal("")])
  .optional()
  .transform((v) => v || undefined);

/** Filters of the audit log page and API (all optional; strings as they come from a query string). */
export const auditFilterSchema = z.object({
  action: z
    .union([z.enum(AUDIT_ACTIONS), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
  /** Part of an email (as typed, of the actor or of the target) or an IP address. */
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  userId: z.uuid().optional(),
  from: dateFilter,
  to: dateFilter,
  /** Paging: entries older than this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
