import { sql, type SQL } from "drizzle-orm";
import type { Role } from "../domain/enums";
import { can } from "../auth/permissions";

/** Who is reading: the signed-in user as can() sees them (from the session, never the client). */
export interface Reader {
  id: string;
  roles: readonly Role[];
  organizationId: string | null;
}

/**
 * The proposals a reader may see, as an SQL condition on a proposal's author column, decided
 * by can("proposal.read") itself: everyone's when can() allows reading a proposal written by
 * someone else, the reader's own when it allows only that, none otherwise. Every read path
 * that lists proposals (the review queue, the activity feed, the dashboard's drill-down and
 * its export, notifications) filters with it, so none can show what /review/<id> refuses.
 */
export function readableProposals(reader: Reader, authorColumn: SQL): SQL {
  const actor = { ...reader, active: true };
  if (can(actor, "proposal.read", { authorId: "\u0000someone else" })) return sql`true`;
  if (can(actor, "proposal.read", { authorId: reader.id })) return sql`(${authorColumn} = ${reader.id}::uuid)`;
  return sql`false`;
}
