import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { queryRows } from "@/db/client";
import type { CampaignOrgStatus } from "@/db/schema";

export const CAMPAIGN_ORG_STATUSES: readonly CampaignOrgStatus[] = [
  "proposed",
  "confirmed",
  "signed_in",
  "delivered",
  "invited",
  "queued",
  "failed",
  "no_recipient",
];

export interface CampaignOrgProgress {
  organizationId: string;
  name: string;
  kind: string;
  countyCode: string | null;
  status: CampaignOrgStatus;
  /** Answered: confirmed or proposed a change within the campaign's window. */
  answered: boolean;
  answeredAt: Date | null;
  signedInAt: Date | null;
  recipients: number;
  invited: number;
  lastContactedAt: Date | null;
  reminders: number;
  messages: { total: number; sent: number; failed: number };
}

export interface CampaignSummary {
  total: number;
  answered: number;
  /** answered / total, 0 when there are none. */
  rate: number;
  byStatus: Record<CampaignOrgStatus, number>;
}

const toDate = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

/**
 * Where each organisation of a campaign stands. While the campaign is open it is derived from
 * what happened in its window (from its start to `now`): a confirmation or a proposal about the
 * organisation's agreements (by its officials, or recorded by staff for it), a sign-in by one of its
 * officials, and the delivery state of the messages written to it. Once closed, the statuses kept
 * at closing are the record (only the messages' delivery counts are read again).
 */
export async function campaignProgress(db: Db | Tx, campaignId: string, now: Date): Promise<CampaignOrgProgress[]> {
  const rows = await queryRows<{
    organization_id: string;
    name: string;
    kind: string;
    county_code: string | null;
    recipients: number;
    invited: number;
    last_contacted_at: string | Date | null;
    reminders: number;
    final_status: CampaignOrgStatus | null;
    final_answered_at: string | Date | null;
    final_signed_in_at: string | Date | null;
    confirmed_at: string | Date | null;
    proposed_at: string | Date | null;
    signed_in_at: string | Date | null;
    total: number | string;
    sent: number | string;
    failed: number | string;
  }>(
    db as Db,
    sql`WITH c AS (
          SELECT id, started_at, coalesce(closed_at, ${now.toISOString()}::timestamptz) AS ends_at
          FROM campaigns WHERE id = ${campaignId}
        )
        SELECT co.organization_id, o.name, o.kind, o.county_code, co.recipients, co.invited, co.last_contacted_at, co.reminders,
               co.final_status, co.answered_at AS final_answered_at, co.signed_in_at AS final_signed_in_at,
               (SELECT min(cf.confirmed_at) FROM confirmations cf
                 WHERE cf.organization_id = co.organization_id AND cf.confirmed_at >= c.started_at AND cf.confirmed_at <= c.ends_at) AS confirmed_at,
               (SELECT min(p.created_at) FROM proposals p
                 WHERE p.organization_id = co.organization_id AND p.created_at >= c.started_at AND p.created_at <= c.ends_at) AS proposed_at,
               (SELECT min(al.at) FROM audit_log al JOIN users u ON u.id = al.actor_id
                 WHERE al.action = 'auth.sign_in' AND u.organization_id = co.organization_id
                   AND al.at >= c.started_at AND al.at <= c.ends_at) AS signed_in_at,
               d.total, d.sent, d.failed
        FROM c
        JOIN campaign_organizations co ON co.campaign_id = c.id
        JOIN organizations o ON o.id = co.organization_id
        CROSS JOIN LATERAL (
          SELECT count(*) AS total,
                 count(*) FILTER (WHERE om.state = 'sent') AS sent,
                 count(*) FILTER (WHERE om.state = 'failed') AS failed
          FROM campaign_messages cm JOIN outbox_messages om ON om.id = cm.outbox_message_id
          WHERE cm.campaign_id = co.campaign_id AND cm.organization_id = co.organization_id
        ) d
        ORDER BY o.name, o.id`,
  );
  return rows.map((r) => {
    const messages = { total: Number(r.total), sent: Number(r.sent), failed: Number(r.failed) };
    const confirmedAt = toDate(r.confirmed_at);
    const proposedAt = toDate(r.proposed_at);
    const live = {
      answeredAt: [confirmedAt, proposedAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null,
      signedInAt: toDate(r.signed_in_at),
      status: liveStatus({ confirmedAt, proposedAt, signedInAt: toDate(r.signed_in_at), invited: r.invited, messages }),
    };
    const kept = r.final_status ? { status: r.final_status, answeredAt: toDate(r.final_answered_at), signedInAt: toDate(r.final_signed_in_at) } : live;
    return {
      organizationId: r.organization_id,
      name: r.name,
      kind: r.kind,
      countyCode: r.county_code,
      status: kept.status,
      answered: kept.status === "confirmed" || kept.status === "proposed",
      answeredAt: kept.answeredAt,
      signedInAt: kept.signedInAt,
      recipients: r.recipients,
      invited: r.invited,
      lastContactedAt: toDate(r.last_contacted_at),
      reminders: r.reminders,
      messages,
    };
  });
}

/** The furthest an organisation has come: an answer beats a sign-in, which beats the messages' delivery. */
function liveStatus(r: {
  confirmedAt: Date | null;
  proposedAt: Date | null;
  signedInAt: Date | null;
  invited: number;
  messages: { total: number; sent: number; failed: number };
}): CampaignOrgStatus {
  if (r.proposedAt) return "proposed";
  if (r.confirmedAt) return "confirmed";
  if (r.signedInAt) return "signed_in";
  if (r.messages.total === 0) return "no_recipient";
  if (r.messages.sent > 0) return r.invited > 0 ? "invited" : "delivered";
  if (r.messages.failed === r.messages.total) return "failed";
  return r.invited > 0 ? "invited" : "queued";
}

export function summarize(rows: readonly CampaignOrgProgress[]): CampaignSummary {
  const byStatus = Object.fromEntries(CAMPAIGN_ORG_STATUSES.map((s) => [s, 0])) as Record<CampaignOrgStatus, number>;
  for (const r of rows) byStatus[r.status] += 1;
  const answered = rows.filter((r) => r.answered).length;
  return { total: rows.length, answered, rate: rows.length === 0 ? 0 : answered / rows.length, byStatus };
}
