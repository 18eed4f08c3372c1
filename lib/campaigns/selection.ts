import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { queryRows } from "@/db/client";
import { counties } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { selectionSchema, type Selection } from "../validation/campaigns";

export interface SelectedOrganization {
  id: string;
  name: string;
  kind: string;
  countyCode: string | null;
  /** Active officials who can sign in. */
  officials: number;
  /** Officials invited who have not yet set a password, and the organisation's contacts. */
  others: number;
}

function whereOf(selection: Selection): SQL {
  const parts: SQL[] = [sql`o.kind IN (${sql.join(selection.kinds.map((k) => sql`${k}`), sql`, `)})`];
  if (selection.countyCode) parts.push(sql`o.county_code = ${selection.countyCode}`);
  if (selection.withAgreementsOnly) parts.push(sql`EXISTS (SELECT 1 FROM agreements a WHERE a.swedish_org_id = o.id)`);
  if (selection.notConfirmedSince) {
    parts.push(
      sql`NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.organization_id = o.id AND c.confirmed_at >= ${selection.notConfirmedSince}::date)`,
    );
  }
  return sql.join(parts, sql` AND `);
}

/** The Swedish organisations a selection names, by name, with how many active officials each has. */
export async function selectOrganizations(db: Db | Tx, selection: Selection): Promise<SelectedOrganization[]> {
  const rows = await queryRows<{ id: string; name: string; kind: string; county_code: string | null; officials: number | string; others: number | string }>(
    db as Db,
    sql`SELECT o.id, o.name, o.kind, o.county_code,
               (SELECT count(*) FROM users u
                 WHERE u.organization_id = o.id AND u.active AND 'municipal_official' = ANY(u.roles) AND u.password_hash IS NOT NULL) AS officials,
               (SELECT count(*) FROM users u
                 WHERE u.organization_id = o.id AND u.active AND 'municipal_official' = ANY(u.roles) AND u.password_hash IS NULL)
               + (SELECT count(*) FROM organization_contacts oc WHERE oc.organization_id = o.id) AS others
        FROM organizations o
        WHERE o.kind <> 'foreign' AND ${whereOf(selection)}
        ORDER BY o.name, o.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, countyCode: r.county_code, officials: Number(r.officials), others: Number(r.others) }));
}

export interface SelectionPreview {
  count: number;
  /** Of them, with no official who can sign in but someone to invite (a pending invitee or a contact). */
  toInvite: number;
  /** Of them, with nobody to write to at all. */
  noRecipient: number;
  /** The first few names, for the form. */
  sample: string[];
}

/** What the new-campaign form shows before anything is sent: how many organisations the selection reaches. */
export async function previewSelection({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<SelectionPreview> {
  assertCan(ctx.user, "campaign.start");
  const parsed = selectionSchema.safeParse(input);
  if (!parsed.success) return { count: 0, toInvite: 0, noRecipient: 0, sample: [] };
  const orgs = await selectOrganizations(ctx.db, parsed.data);
  return {
    count: orgs.length,
    toInvite: orgs.filter((o) => o.officials === 0 && o.others > 0).length,
    noRecipient: orgs.filter((o) => o.officials === 0 && o.others === 0).length,
    sample: orgs.slice(0, 8).map((o) => o.name),
  };
}

/** Sweden's counties, for the selection's list. */
export async function listCounties(db: Db): Promise<{ code: string; name: string }[]> {
  return db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(counties.code);
}
