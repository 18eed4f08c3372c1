// The closed list of what the audit log records, as `entity.verb`. Kept free of server
// imports, so that forms and filters (client code) can use it too.
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.lockout",
  "auth.sign_out",
  "user.create",
  "user.roles_change",
  "user.deactivate",
  "user.reactivate",
  "user.invite",
  "user.password_set",
  "user.password_change",
  "user.password_reset_request",
  "user.email_change_request",
  "user.email_change",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Why a sign-in failed: recorded for admins, never shown to the person signing in. */
export const SIGN_IN_FAILURE_REASONS = ["unknown_email", "wrong_password", "inactive", "locked", "invalid_input"] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];
