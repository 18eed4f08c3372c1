import { headers } from "next/headers";
import { getDb } from "@/db/app-db";
import { clientIp } from "./client-ip";
import { assertCan, type ActionContext } from "./context";
import { getCurrentUser } from "./current-user";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import type { Action, Resource } from "./permissions";

export { ForbiddenError, UnauthenticatedError, type ActionContext };

/** The signed-in user, the database and the client's address, or a 401. */
export async function requireUser(): Promise<ActionContext> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return { user, db: await getDb(), ip: clientIp(await headers()) };
}

/** As requireUser, and refuses with a 403 unless the user may do `action` on `resource`. */
export async function requirePermission(action: Action, resource?: Resource): Promise<ActionContext> {
  const ctx = await requireUser();
  assertCan(ctx.user, action, resource);
  return ctx;
}
