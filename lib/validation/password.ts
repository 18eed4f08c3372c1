import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// The password rules, one schema for every form and server path that sets a password (create
// user, first admin, invitation, reset, own change). Messages are catalogue keys
// (lib/i18n/messages/<locale>/accounts.json, namespace "password").
//
// A password is refused when it is
// - shorter than 12 characters (counted as characters, not UTF-16 units) or longer than 256;
// - only whitespace;
// - the account's e-mail address, or contains its local part (checked with the address: see
//   refinePasswordAgainstEmail);
// - guessable: zxcvbn (@zxcvbn-ts, with its common-password list of ~30,000 leaked passwords,
//   keyboard patterns, repeats, sequences, dates and l33t variants) estimates fewer than 10^8
//   guesses (score below 3). "password1234", "qwertyuiop123" and twelve "a"s fail; a passphrase
//   of a few words or a long random string passes.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's scale is 0–4; 3 means "safely unguessable: moderate protection from an offline slow-hash attack". */
export const PASSWORD_MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
/** zxcvbn's score for the password (the dictionaries are built once, on first use). */
export function passwordScore(password: string, userInputs: string[] = []): number {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // zxcvbn is quadratic in the length; the first 100 characters decide well enough.
  return factory.check(password.slice(0, 100), userInputs).score;
}

/** The first rule the password breaks (a catalogue key), or null. Without the e-mail rule. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  // Nothing typed reads best as the length rule ("at least 12 characters").
  if (length === 0) return "password.tooShort";
  if (password.trim().length === 0) return "password.onlySpaces";
  if (length < PASSWORD_MIN_LENGTH) return "password.tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "password.tooLong";
  if (passwordScore(password) < PASSWORD_MIN_SCORE) return "password.common";
  return null;
}

/** Whether the password is the address or holds its local part ("anna.svensson2026" for anna.svensson@…). */
export function passwordMatchesEmail(password: string, email: string): boolean {
  const p = password.trim().toLowerCase();
  const e = email.trim().toLowerCase();
  if (!e) return false;
  const local = e.split("@")[0] ?? "";
  return p === e || p.includes(e) || (local.length >= 3 && p.includes(local));
}

/** A new password, field by field. */
export const newPasswordField = z.string({ error: "password.required" }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** The e-mail rule, for the object that holds both (path of the password field, and the address). */
export function refinePasswordAgainstEmail<T>(passwordOf: (v: T) => string, emailOf: (v: T) => string | null | undefined, path: string[] = ["password"]) {
  return (value: T, ctx: z.RefinementCtx) => {
    const email = emailOf(value);
    if (email && passwordMatchesEmail(passwordOf(value), email)) ctx.addIssue({ code: "custom", path, message: "password.containsEmail" });
  };
}
