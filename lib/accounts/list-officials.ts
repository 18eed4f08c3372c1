import { and, asc, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";

export interface OfficialRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  /** Invited and not yet signed up: no password set. */
  pending: boolean;
}

/** The accounts of an organisation's municipal officials, for staff (the organisation page). */
export async function listOrganizationOfficials({ ctx, input }: { ctx: ActionContext; input: { organizationId: string } }): Promise<OfficialRow[]> {
  assertCan(ctx.user, "contact.read");
  return ctx.db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, pending: sql<boolean>`${users.passwordHash} IS NULL` })
    .from(users)
    .where(and(eq(users.organizationId, input.organizationId), sql`'municipal_official' = ANY(${users.roles})`))
    .orderBy(asc(users.name), asc(users.email));
}
