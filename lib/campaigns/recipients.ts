import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { contactsOfOrganizations } from "../accounts/list-contacts";

export interface Recipient {
  address: string;
  name: string | null;
  /** The account the message is for; null for an organisation's contact address. */
  userId: string | null;
}

export interface OrganizationRecipients {
  /** Active officials who have set a password: they can sign in and answer. */
  officials: Recipient[];
  /** Officials invited but not yet signed up (no password yet). */
  pending: Recipient[];
  /** The organisation's contacts (its registry office, named people), kept by staff. */
  contacts: Recipient[];
}

/** Whom a campaign can write to, per organisation: its officials, its pending invitations and its contacts. */
export async function recipientsOf(tx: Tx, organizationIds: readonly string[]): Promise<Map<string, OrganizationRecipients>> {
  const out = new Map<string, OrganizationRecipients>(organizationIds.map((id) => [id, { officials: [], pending: [], contacts: [] }]));
  if (organizationIds.length === 0) return out;
  const officials = await tx
    .select({ id: users.id, email: users.email, name: users.name, organizationId: users.organizationId, passwordHash: users.passwordHash })
    .from(users)
    .where(and(inArray(users.organizationId, [...organizationIds]), eq(users.active, true), sql`'municipal_official' = ANY(${users.roles})`))
    .orderBy(users.email);
  for (const o of officials) {
    const entry = out.get(o.organizationId!)!;
    (o.passwordHash === null ? entry.pending : entry.officials).push({ address: o.email, name: o.name, userId: o.id });
  }
  const contacts = await contactsOfOrganizations(tx, organizationIds);
  for (const [orgId, list] of contacts) {
    out.get(orgId)!.contacts.push(...list.map((c) => ({ address: c.email, name: c.name, userId: null })));
  }
  return out;
}
