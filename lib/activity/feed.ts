import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { readableProposals, type Reader } from "../review/read-scope";

export const activityFilterSchema = z.object({
  userId: z.string().uuid().optional().catch(undefined),
  organizationId: z.string().uuid().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(500).catch(100),
});
export type ActivityFilter = z.infer<typeof activityFilterSchema>;

export interface ActivityItem {
  kind: "revision" | "event" | "proposal";
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  entityType: string;
  entityId: string;
  agreementId: string | null;
  label: string | null;
  organizationId: string | null;
  proposalId: string | null;
}

/**
 * The latest changes across the registry: revisions, status events and proposal decisions.
 * Proposals appear only as `reader` may read them (can("proposal.read")): an official sees
 * their own and those made for their organisation, not other organisations'.
 */
export async function activityFeed(db: Db, reader: Reader, filter: ActivityFilter): Promise<ActivityItem[]> {
  const readable = readableProposals(reader, { author: sql`pp.author_id`, organization: sql`pp.organization_id` });
  const userId = filter.userId ?? null;
  const orgId = filter.organizationId ?? null;
  return queryRows<ActivityItem>(
    db,
    sql`
    WITH items AS (
      SELECT 'revision' AS kind, r.at, r.action, r.actor_id, r.entity_type, r.entity_id,
        CASE WHEN r.entity_type = 'agreement' THEN r.entity_id END AS agreement_id, r.proposal_id
      FROM revisions r
      UNION ALL
      SELECT 'event', e.recorded_at, 'event.' || e.status::text, e.recorded_by, 'agreement', e.agreement_id, e.agreement_id, e.proposal_id
      FROM status_events e
      UNION ALL
      SELECT 'proposal', coalesce(p.decided_at, p.created_at), 'proposal.' || p.status::text, coalesce(p.decided_by, p.author_id),
        'proposal', p.id, p.agreement_id, p.id
      FROM proposals p
    )
    SELECT i.kind, i.at::text AS at, i.action, i.actor_id AS "actorId", u.name AS "actorName", i.entity_type AS "entityType",
      i.entity_id AS "entityId", i.agreement_id AS "agreementId",
      CASE WHEN pp.id IS NULL OR ${readable} THEN i.proposal_id END AS "proposalId",
      coalesce(s.name || ' – ' || f.name, o.name, src.citation) AS label,
      coalesce(a.swedish_org_id, CASE WHEN o.kind <> 'foreign' THEN o.id END) AS "organizationId"
    FROM items i
    JOIN users u ON u.id = i.actor_id
    LEFT JOIN agreements a ON a.id = i.agreement_id
    LEFT JOIN organizations s ON s.id = a.swedish_org_id
    LEFT JOIN organizations f ON f.id = a.foreign_org_id
    LEFT JOIN organizations o ON i.entity_type = 'organization' AND o.id = i.entity_id
    LEFT JOIN sources src ON i.entity_type = 'source' AND src.id = i.entity_id
    LEFT JOIN proposals pp ON pp.id = i.proposal_id
    WHERE (i.kind <> 'proposal' OR ${readable})
      AND (${userId}::uuid IS NULL OR i.actor_id = ${userId}::uuid)
      AND (${orgId}::uuid IS NULL OR a.swedish_org_id = ${orgId}::uuid OR o.id = ${orgId}::uuid)
      AND u.email <> 'dataset@avtalsregistret.invalid'
    ORDER BY i.at DESC
    LIMIT ${filter.limit}`,
  );
}
