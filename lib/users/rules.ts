import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, users, type User } from "@/db/schema";
import { DATASET_USER_EMAIL } from "@/db/seed";
import { SWEDISH_ORG_KINDS } from "../domain/enums";

// Rules shared by the account writes. Each runs inside the write's transaction.

/**
 * Locks the target account and every active administrator (in a fixed order), so that two
 * admins demoting or deactivating each other at the same moment cannot leave none.
 */
export async function lockForAccountChange(tx: Tx, userId: string): Promise<{ target: User | undefined; activeAdminIds: string[] }> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`'admin' = ANY(${users.roles})`, eq(users.active, true)))
    .orderBy(users.id)
    .for("update");
  const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  return { target, activeAdminIds: admins.map((a) => a.id) };
}

/** Whether taking `target` out of the active administrators would leave none. */
export function wouldLeaveNoAdmin(target: User, activeAdminIds: string[]): boolean {
  return activeAdminIds.includes(target.id) && activeAdminIds.filter((id) => id !== target.id).length === 0;
}

/** The account that imported the report's dataset: it owns history and never signs in. */
export function isSystemAccount(user: Pick<User, "email">): boolean {
  return user.email === DATASET_USER_EMAIL;
}

/** A municipal official's organisation must be a Swedish kommun, region or länsstyrelse. */
export async function isSwedishOrganization(tx: Tx, organizationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), inArray(organizations.kind, [...SWEDISH_ORG_KINDS])));
  return !!row;
}

/** Whether another account already has the email. */
export async function emailTaken(tx: Tx, email: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(exceptId ? and(eq(users.email, email), ne(users.id, exceptId)) : eq(users.email, email));
  return !!row;
}
