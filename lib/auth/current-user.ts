import { cache } from "react";
import { getDb } from "@/db/app-db";
import { auth } from "./next-auth";
import { type CurrentUser } from "./session-user";
import { loadSessionUser } from "./sessions";

export type { CurrentUser };

/**
 * The signed-in user, read fresh from the database once per request: a deactivated user,
 * a changed role or an ended session (lib/auth/sessions.ts) takes effect at once, whatever
 * the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadSessionUser(await getDb(), { userId: session.user.id, sessionVersion: session.sessionVersion });
});
