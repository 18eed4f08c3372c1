import { z } from "zod";

/**
 * What an account write returns: the value, or field errors and a message as catalogue keys
 * (lib/i18n/messages/<locale>/auth.json), so that the form shows them next to what was typed.
 * Permission refusals are not results: they throw ForbiddenError (403).
 */
export type WriteResult<T> = { ok: true; value: T } | WriteFailure;
export interface WriteFailure {
  ok: false;
  fieldErrors: Record<string, string[]>;
  message: string;
}

export function invalidInput(error: z.ZodError): WriteFailure {
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (messages?.length) fieldErrors[field] = messages;
  }
  return { ok: false, fieldErrors, message: flat.formErrors[0] ?? "admin.fixErrors" };
}

/** One field's error; the form-level message only points at the fields. */
export function fieldError(field: string, message: string): WriteFailure {
  return { ok: false, fieldErrors: { [field]: [message] }, message: "admin.fixErrors" };
}

export function failure(message: string): WriteFailure {
  return { ok: false, fieldErrors: {}, message };
}
