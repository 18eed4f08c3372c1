import { redirect } from "next/navigation";
import { type ActionContext } from "./context";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { requirePermission } from "./guard";
import type { Action, Resource } from "./permissions";
import { refusePage } from "./refusal";

/**
 * For pages and layouts: the context when the signed-in user may do `action`; otherwise the
 * 403 page (status 403, app/(app)/forbidden.tsx), or the sign-in page without a session.
 */
export async function requirePagePermission(action: Action, resource?: Resource): Promise<ActionContext> {
  try {
    return await requirePermission(action, resource);
  } catch (error) {
    if (error instanceof ForbiddenError) refusePage({ action: error.action });
    if (error instanceof UnauthenticatedError) redirect("/login");
    throw error;
  }
}
