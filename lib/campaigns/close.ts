import { and, eq } from "drizzle-orm";
import { campaignOrganizations, campaigns } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { failure, invalidInput, type WriteResult } from "../users/result";
import { closeCampaignSchema } from "../validation/campaigns";
import { systemClock, type Clock } from "./clock";
import { campaignProgress } from "./progress";

/**
 * Closes a campaign: its window ends now, every organisation's status is kept as it stands
 * (so the record no longer moves with later confirmations or sign-ins), and its reminder job
 * stops at its next run. After this the database refuses any change to the campaign's rows.
 */
export async function closeCampaign({
  ctx,
  input,
  clock = systemClock,
}: {
  ctx: ActionContext;
  input: unknown;
  clock?: Clock;
}): Promise<WriteResult<{ id: string; answered: number; total: number }>> {
  assertCan(ctx.user, "campaign.close");
  const parsed = closeCampaignSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { campaignId } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
    if (!campaign) return failure("campaigns.errors.notFound");
    if (campaign.status === "closed") return failure("campaigns.errors.alreadyClosed");
    const at = clock.now();
    const progress = await campaignProgress(tx, campaignId, at);
    for (const p of progress) {
      await tx
        .update(campaignOrganizations)
        .set({ finalStatus: p.status, answeredAt: p.answeredAt, signedInAt: p.signedInAt })
        .where(and(eq(campaignOrganizations.campaignId, campaignId), eq(campaignOrganizations.organizationId, p.organizationId)));
    }
    await tx.update(campaigns).set({ status: "closed", closedAt: at, closedBy: ctx.user.id, reminderJobId: null }).where(eq(campaigns.id, campaignId));
    return { ok: true as const, value: { id: campaignId, answered: progress.filter((p) => p.answered).length, total: progress.length } };
  });
}
