import { forbidden, redirect } from "next/navigation";
import { ZodError } from "zod";
import { ForbiddenError, UnauthenticatedError } from "../auth/errors";
import { FieldRefusal } from "../agreements/refusal";
import { ReviewError } from "../review/errors";

/** What a server action returns to its form: success, or a specific refusal that loses nothing typed. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };

/** Maps the domain's refusals to results; anything else is a bug and is rethrown. */
export function toActionResult(error: unknown): ActionResult<never> {
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { ok: false, code: "invalid", message: "invalid", fieldErrors };
  }
  // A refused permission is a crafted request (the UI offers only what is allowed): a real 403.
  if (error instanceof ForbiddenError) forbidden();
  if (error instanceof UnauthenticatedError) redirect("/login");
  // A rule of the one write refused a value (lib/agreements/write.ts): field by field.
  if (error instanceof FieldRefusal) return { ok: false, code: "invalid", message: "invalid", fieldErrors: error.fieldErrors };
  if (error instanceof ReviewError) return { ok: false, code: error.code, message: error.message, details: error.details };
  throw error;
}

export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await body();
    return { ok: true, data };
  } catch (error) {
    return toActionResult(error);
  }
}
