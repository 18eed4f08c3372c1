import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";

export interface Recipient {
  organizationId: string;
  address: string;
  name: string | null;
  /** The official's account; null for an organisation's contact address. */
  userId: string | null;
}

/**
 * Whom a campaign writes to for each organisation: its active officials.
 * (Organisations' contact addresses and invitations come with lib/users' invitations.)
 */
export async function recipientsOf(tx: Tx, organizationIds: readonly string[]): Promise<Map<string, Recipient[]>> {
  const out = new Map<string, Recipient[]>(organizationIds.map((id) => [id, []]));
  if (organizationIds.length === 0) return out;
  const officials = await tx
    .select({ id: users.id, email: users.email, name: users.name, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.organizationId, [...organizationIds]), eq(users.active, true), sql`'municipal_official' = ANY(${users.roles})`))
    .orderBy(users.email);
  for (const o of officials) out.get(o.organizationId!)!.push({ organizationId: o.organizationId!, address: o.email, name: o.name, userId: o.id });
  return out;
}
