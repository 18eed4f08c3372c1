import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Role } from "../domain/enums";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  organizationName: string | null;
  isDemo: boolean;
}

/**
 * The user a session names, read fresh from the database: null when the account does not
 * exist or is deactivated, so that a deactivation or a role change takes effect at once,
 * whatever the session cookie says.
 */
export async function loadCurrentUser(
  db: Db,
  userId: string | null | undefined,
  /** When given, a session of another version (ended since: lib/auth/sessions.ts) is null too. */
  options: { sessionVersion?: number } = {},
): Promise<CurrentUser | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ user: users, organizationName: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row || !row.user.active) return null;
  if (options.sessionVersion !== undefined && row.user.sessionVersion !== options.sessionVersion) return null;
  const { user } = row;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organizationId: user.organizationId,
    organizationName: row.organizationName,
    isDemo: user.isDemo,
  };
}
