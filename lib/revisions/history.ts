import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { RevisionEntity } from "./record";

export interface HistoryEntry {
  type: "revision" | "event";
  id: string;
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  proposalId: string | null;
  proposalAuthorName: string | null;
  proposalReviewerName: string | null;
}

/**
 * The history of a record, newest first: its revisions and, for an agreement, the status
 * events recorded on it, each with the proposal it came through and who approved it.
 */
export async function recordHistory(db: Db, entityType: RevisionEntity, entityId: string): Promise<HistoryEntry[]> {
  return queryRows<HistoryEntry>(
    db,
    sql`
    SELECT * FROM (
      SELECT 'revision' AS type, r.id::text AS id, r.at::text AS at, r.action, r.actor_id AS "actorId", u.name AS "actorName",
        r.changed_fields AS "changedFields", r.before, r.after, r.reason, r.proposal_id AS "proposalId",
        pa.name AS "proposalAuthorName", pr.name AS "proposalReviewerName"
      FROM revisions r
      JOIN users u ON u.id = r.actor_id
      LEFT JOIN proposals p ON p.id = r.proposal_id
      LEFT JOIN users pa ON pa.id = p.author_id
      LEFT JOIN users pr ON pr.id = p.decided_by
      WHERE r.entity_type = ${entityType} AND r.entity_id = ${entityId}
      UNION ALL
      SELECT 'event', e.seq::text, e.recorded_at::text, 'agreement.status_' || e.status, e.recorded_by, u.name,
        ARRAY['status']::text[], NULL, jsonb_build_object('status', e.status, 'effectiveOn', e.effective_on, 'precision', e.effective_precision,
          'supersedesId', e.supersedes_id),
        coalesce(e.correction_reason, e.note), e.proposal_id, pa.name, pr.name
      FROM status_events e
      JOIN users u ON u.id = e.recorded_by
      LEFT JOIN proposals p ON p.id = e.proposal_id
      LEFT JOIN users pa ON pa.id = p.author_id
      LEFT JOIN users pr ON pr.id = p.decided_by
      WHERE ${entityType} = 'agreement' AND e.agreement_id = ${entityId}
    ) h ORDER BY h.at DESC, h.type ASC, h.id::bigint DESC`,
  );
}
