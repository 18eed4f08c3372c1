import { sql, type SQL } from "drizzle-orm";
import type { Role } from "../domain/enums";
import { can } from "../auth/permissions";

/** Who is reading: the signed-in user as can() sees them (from the session, never the client). */
export interface Reader {
  id: string;
  roles: readonly Role[];
  organizationId: string | null;
}

/** A proposal's columns that can("proposal.read") depends on, as the query names them. */
export interface ProposalColumns {
  author: SQL;
  organization: SQL;
}

/** Stand-ins that match no account and no organisation: "someone else's", "another organisation's". */
const SOMEONE_ELSE = "\u0000someone else";
const ANOTHER_ORGANIZATION = "\u0000another organisation";

/**
 * The proposals a reader may see, as an SQL condition on a proposal's author and organisation
 * columns, decided by can("proposal.read") itself: everyone's when can() allows reading someone
 * else's proposal for another organisation; otherwise the reader's own when it allows that, and
 * their organisation's when it allows reading someone else's proposal made for it; none
 * otherwise. Every read path that lists proposals (the review queue, the activity feed, the
 * dashboard's drill-down and its export, notifications, an official's home, the agreement
 * page's pending notice) filters with it, so none can show what /review/<id> refuses.
 */
export function readableProposals(reader: Reader, columns: ProposalColumns): SQL {
  const actor = { ...reader, active: true };
  if (can(actor, "proposal.read", { authorId: SOMEONE_ELSE, organizationId: ANOTHER_ORGANIZATION })) return sql`true`;
  const readable: SQL[] = [];
  if (can(actor, "proposal.read", { authorId: reader.id, organizationId: ANOTHER_ORGANIZATION })) {
    readable.push(sql`${columns.author} = ${reader.id}::uuid`);
  }
  if (reader.organizationId && can(actor, "proposal.read", { authorId: SOMEONE_ELSE, organizationId: reader.organizationId })) {
    readable.push(sql`${columns.organization} = ${reader.organizationId}::uuid`);
  }
  return readable.length === 0 ? sql`false` : sql`(${sql.join(readable, sql` OR `)})`;
}
