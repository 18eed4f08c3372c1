import type { z } from "zod";
import type { Db } from "@/db/client";
import { can, type Action, type Resource } from "../auth/permissions";
import type { Role } from "../domain/enums";

// What every write in lib/agreements and lib/organizations takes and returns ("one write, one
// shape"): a context with the acting user (from the session, never from the client) and the
// database; a result that is either ok or says why not, field by field where it can.

export interface WriteContext {
  db: Db;
  user: { id: string; roles: readonly Role[]; organizationId: string | null; active?: boolean };
}

/** Catalogue keys per field path ("foreign.org.name"), as react-hook-form's setError wants them. */
export type FieldErrors = Record<string, string[]>;

export interface Refusal {
  ok: false;
  error: "forbidden" | "invalid" | "not_found" | "conflict";
  /** A catalogue key. */
  message: string;
  fieldErrors?: FieldErrors;
}

export function allowed(ctx: WriteContext, action: Action, resource?: Resource): boolean {
  return can({ ...ctx.user, active: ctx.user.active ?? true }, action, resource);
}

export const FORBIDDEN: Refusal = { ok: false, error: "forbidden", message: "registry.errors.forbidden" };
export const NOT_FOUND: Refusal = { ok: false, error: "not_found", message: "registry.errors.notFound" };

export function invalid(fieldErrors: FieldErrors, message = "registry.errors.invalid"): Refusal {
  return { ok: false, error: "invalid", message, fieldErrors };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    const messages = (out[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return out;
}

/**
 * Thrown inside a transaction to roll it back and answer with field errors (a party that does
 * not exist, a duplicate): caught by the write function and turned into its result.
 */
export class FieldRefusal extends Error {
  constructor(public readonly fieldErrors: FieldErrors) {
    super("refused");
  }
}
