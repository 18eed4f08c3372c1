import { eq } from "drizzle-orm";
import { campaignOrganizations, campaigns } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { failure, invalidInput, type WriteResult } from "../users/result";
import { startCampaignSchema } from "../validation/campaigns";
import { systemClock, type Clock } from "./clock";
import { recipientsOf } from "./recipients";
import { scheduleReminders } from "./remind";
import { selectOrganizations } from "./selection";
import { writeToOrganization } from "./write-to";

/**
 * Starts a campaign: chooses the organisations by the selection, writes to each one's officials
 * and contacts (one e-mail each, in the outbox), invites the contacts of an organisation that has
 * no official with an account, and queues the campaign's reminder job, all in one transaction. An organisation without anyone to write to is still part of the campaign (it
 * shows as "no recipient"), so the response rate counts it.
 */
export async function startCampaign({
  ctx,
  input,
  clock = systemClock,
}: {
  ctx: ActionContext;
  input: unknown;
  clock?: Clock;
}): Promise<WriteResult<{ id: string; organizations: number; messages: number; invitations: number }>> {
  assertCan(ctx.user, "campaign.start");
  const parsed = startCampaignSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const data = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const orgs = await selectOrganizations(tx, data.selection);
    if (orgs.length === 0) return failure("campaigns.errors.emptySelection");
    const at = clock.now();
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        title: data.title,
        messageSv: data.messageSv,
        messageEn: data.messageEn ?? null,
        selection: data.selection,
        reminderAfterDays: data.reminderAfterDays,
        startedBy: ctx.user.id,
        startedAt: at,
      })
      .returning();
    const recipients = await recipientsOf(tx, orgs.map((o) => o.id));
    let messages = 0;
    let invitations = 0;
    for (const org of orgs) {
      const written = await writeToOrganization(tx, campaign!, org, recipients.get(org.id)!, "initial", at, { id: ctx.user.id, name: ctx.user.name });
      messages += written.messages;
      invitations += written.invitations;
      await tx.insert(campaignOrganizations).values({
        campaignId: campaign!.id,
        organizationId: org.id,
        recipients: written.messages,
        invited: written.invitations,
        lastContactedAt: written.messages > 0 ? at : null,
      });
    }
    const jobId = await scheduleReminders(tx, campaign!.id, data.reminderAfterDays * 86_400);
    if (jobId) await tx.update(campaigns).set({ reminderJobId: jobId }).where(eq(campaigns.id, campaign!.id));
    return { ok: true as const, value: { id: campaign!.id, organizations: orgs.length, messages, invitations } };
  });
}
