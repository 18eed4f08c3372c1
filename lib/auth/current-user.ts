import { cache } from "react";
import { getDb } from "@/db/app-db";
import { auth } from "./next-auth";
import { loadCurrentUser, type CurrentUser } from "./session-user";

export type { CurrentUser };

/**
 * The signed-in user, read fresh from the database once per request: a deactivated user
 * or a changed role takes effect at once, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadCurrentUser(await getDb(), id);
});
