import { cache } from "react";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/app-db";
import { organizations, users } from "@/db/schema";
import type { Role } from "../domain/enums";
import { auth } from "./next-auth";

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
 * The signed-in user, read fresh from the database once per request: a deactivated user
 * or a changed role takes effect at once, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [row] = await db
    .select({ user: users, organizationName: organizations.name })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  if (!row || !row.user.active) return null;
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
});
