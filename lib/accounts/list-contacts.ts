import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { organizationContacts, type OrganizationContact } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import type { ContactKind } from "./vocabulary";

export interface Contact {
  id: string;
  organizationId: string;
  kind: ContactKind;
  name: string | null;
  email: string;
  note: string | null;
  version: number;
  updatedAt: Date;
}

/** What a contact's revision records. */
export function contactSnapshot(row: OrganizationContact): Record<string, unknown> {
  return { organizationId: row.organizationId, kind: row.kind, name: row.name, email: row.email, note: row.note, version: row.version };
}

const toContact = (r: OrganizationContact): Contact => ({
  id: r.id,
  organizationId: r.organizationId,
  kind: r.kind,
  name: r.name,
  email: r.email,
  note: r.note,
  version: r.version,
  updatedAt: r.updatedAt,
});

/** An organisation's contacts, for staff (contact.read): never officials, never the public register. */
export async function listOrganizationContacts({ ctx, input }: { ctx: ActionContext; input: { organizationId: string } }): Promise<Contact[]> {
  assertCan(ctx.user, "contact.read");
  return (await contactsOfOrganizations(ctx.db, [input.organizationId])).get(input.organizationId) ?? [];
}

/**
 * The contacts of several organisations, by organisation, without a permission check: for a
 * verb or job that has checked its own (e.g. a check-in campaign's sending job).
 */
export async function contactsOfOrganizations(db: Db | Tx, organizationIds: readonly string[]): Promise<Map<string, Contact[]>> {
  const out = new Map<string, Contact[]>();
  if (organizationIds.length === 0) return out;
  const rows = await db
    .select()
    .from(organizationContacts)
    .where(inArray(organizationContacts.organizationId, [...organizationIds]))
    .orderBy(asc(organizationContacts.kind), asc(organizationContacts.email));
  for (const r of rows) out.set(r.organizationId, [...(out.get(r.organizationId) ?? []), toContact(r)]);
  return out;
}

/** One contact's organisation (for a page that must check it), or undefined. */
export async function contactOrganization(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ organizationId: organizationContacts.organizationId }).from(organizationContacts).where(eq(organizationContacts.id, id));
  return row?.organizationId;
}
