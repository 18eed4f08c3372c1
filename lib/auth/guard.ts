import { getDb } from "@/db/app-db";
import type { Db } from "@/db/client";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { can, type Action, type Resource } from "./permissions";

export { ForbiddenError, UnauthenticatedError };

export interface ActionContext {
  user: CurrentUser;
  db: Db;
}

/** The signed-in user and the database, or a 401. */
export async function requireUser(): Promise<ActionContext> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return { user, db: await getDb() };
}

/** As requireUser, and refuses with a 403 unless the user may do `action` on `resource`. */
export async function requirePermission(action: Action, resource?: Resource): Promise<ActionContext> {
  const ctx = await requireUser();
  if (!can({ ...ctx.user, active: true }, action, resource)) throw new ForbiddenError(action);
  return ctx;
}
