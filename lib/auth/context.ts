import type { Db } from "@/db/client";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { can, type Action, type Resource } from "./permissions";
import { loadCurrentUser, type CurrentUser } from "./session-user";

/**
 * What every write function receives: who is acting (read fresh from the database for this
 * request), the database, and where the request came from (for the audit log).
 */
export interface ActionContext {
  user: CurrentUser;
  db: Db;
  /** The client's address, when known. */
  ip?: string | null;
}

/** Refuses unless `user` may do `action` on `resource`: 401 without a user, 403 without the right. */
export function assertCan(user: CurrentUser | null | undefined, action: Action, resource?: Resource): asserts user is CurrentUser {
  if (!user) throw new UnauthenticatedError();
  // `user` was read from the database for this request and is active (loadCurrentUser).
  if (!can({ ...user, active: true }, action, resource)) throw new ForbiddenError(action);
}

/**
 * The context for a session naming `userId`, outside Next's request scope (scripts, tests):
 * the same rules as requireUser(): no user, an unknown one or a deactivated one is a 401.
 */
export async function contextForSession(db: Db, userId: string | null | undefined, ip: string | null = null): Promise<ActionContext> {
  const user = await loadCurrentUser(db, userId);
  if (!user) throw new UnauthenticatedError();
  return { user, db, ip };
}
