import { desc, eq, sql } from "drizzle-orm";
import { campaigns, users } from "@/db/schema";
import { queryRows } from "@/db/client";
import type { Campaign } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { systemClock, type Clock } from "./clock";
import { campaignProgress, summarize, type CampaignOrgProgress, type CampaignSummary } from "./progress";

export interface CampaignListItem {
  id: string;
  title: string;
  status: "open" | "closed";
  startedAt: Date;
  closedAt: Date | null;
  startedByName: string;
  total: number;
  answered: number;
}

/** Every campaign, newest first, with how many of its organisations have answered. Staff only. */
export async function listCampaigns({ ctx, clock = systemClock }: { ctx: ActionContext; clock?: Clock }): Promise<CampaignListItem[]> {
  assertCan(ctx.user, "campaign.read");
  const rows = await ctx.db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      status: campaigns.status,
      startedAt: campaigns.startedAt,
      closedAt: campaigns.closedAt,
      startedByName: users.name,
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.startedBy))
    .orderBy(desc(campaigns.startedAt), desc(campaigns.id));
  const now = clock.now();
  const out: CampaignListItem[] = [];
  for (const r of rows) {
    const s = summarize(await campaignProgress(ctx.db, r.id, now));
    out.push({ ...r, total: s.total, answered: s.answered });
  }
  return out;
}

export interface CampaignDetail {
  campaign: Campaign & { startedByName: string; closedByName: string | null };
  organizations: CampaignOrgProgress[];
  summary: CampaignSummary;
}

/** One campaign: its message, and where each organisation stands. Staff only (officials never see other organisations' rows). */
export async function getCampaign({ ctx, input, clock = systemClock }: { ctx: ActionContext; input: { id: string }; clock?: Clock }): Promise<CampaignDetail | null> {
  assertCan(ctx.user, "campaign.read");
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) return null;
  const [row] = await queryRows<Campaign & { startedByName: string; closedByName: string | null }>(
    ctx.db,
    sql`SELECT c.id, c.title, c.message_sv AS "messageSv", c.message_en AS "messageEn", c.selection,
               c.reminder_after_days AS "reminderAfterDays", c.status, c.started_by AS "startedBy", c.started_at AS "startedAt",
               c.closed_by AS "closedBy", c.closed_at AS "closedAt", c.reminder_job_id AS "reminderJobId", c.created_at AS "createdAt",
               s.name AS "startedByName", x.name AS "closedByName"
        FROM campaigns c JOIN users s ON s.id = c.started_by LEFT JOIN users x ON x.id = c.closed_by
        WHERE c.id = ${input.id}`,
  );
  if (!row) return null;
  const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));
  const campaign = { ...row, startedAt: toDate(row.startedAt)!, closedAt: toDate(row.closedAt), createdAt: toDate(row.createdAt)! };
  const organizations = await campaignProgress(ctx.db, input.id, clock.now());
  return { campaign, organizations, summary: summarize(organizations) };
}
