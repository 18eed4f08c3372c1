import { ZodError } from "zod";
import { ForbiddenError, UnauthenticatedError } from "../auth/errors";
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
  if (error instanceof ForbiddenError) return { ok: false, code: "forbidden", message: error.message };
  if (error instanceof UnauthenticatedError) return { ok: false, code: "unauthenticated", message: error.message };
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
