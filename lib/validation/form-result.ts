import type { z } from "zod";

/**
 * What a write returns to its form: success with a value, or a refusal that says why, field by
 * field where it can. Messages are catalogue keys (lib/i18n/messages), so the form shows them
 * in the user's language and keeps everything that was typed.
 */
export type FormResult<T, Extra extends object = object> =
  | { ok: true; value: T }
  | ({ ok: false; message: string; fieldErrors?: Record<string, string[]> } & Partial<Extra>);

/** Zod issues as `path.to.field` → catalogue keys, the shape react-hook-form's setError wants. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The standard refusal for input that did not pass its schema. */
export function invalid(error: z.ZodError): { ok: false; message: string; fieldErrors: Record<string, string[]> } {
  return { ok: false, message: "evidence.form.invalid", fieldErrors: fieldErrorsOf(error) };
}

/** The standard refusal for a user who may not do this. */
export const FORBIDDEN = { ok: false as const, message: "evidence.form.forbidden" };
