import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { campaignOrganizations, campaigns, users } from "@/db/schema";
import { currentJobs, enqueue } from "@/lib/jobs";
import { jobDefinition } from "@/lib/jobs/registry";
import { DAY_MS, type Clock } from "./clock";
import { campaignProgress } from "./progress";
import { recipientsOf } from "./recipients";
import { writeToOrganization } from "./write-to";

export const REMIND_JOB = "campaign.remind";

/**
 * Queues the campaign's next reminder run in the caller's transaction, `delaySeconds` from now
 * (null when this process does not run the queue, e.g. a script: resumeCampaignReminders()
 * queues it at the next start).
 */
export async function scheduleReminders(tx: Tx | Db, campaignId: string, delaySeconds: number): Promise<string | null> {
  if (!currentJobs() || !jobDefinition(REMIND_JOB)) return null;
  return enqueue(tx, REMIND_JOB, { campaignId }, { startAfter: Math.max(1, Math.ceil(delaySeconds)), singletonKey: campaignId });
}

export interface ReminderRun {
  /** Organisations written to again. */
  reminded: string[];
  messages: number;
  /** When the next run is due, by the campaign's clock; null when the campaign is closed. */
  nextRunAt: Date | null;
}

/**
 * One run of a campaign's reminder job: every organisation that has not answered and was last
 * written to at least `reminder_after_days` ago gets the message again (to its officials and
 * contacts of today, with a renewed invitation where it still has no account), and the job queues itself again for the next organisation that will be due, until the
 * campaign closes. Only the job the campaign names acts (a duplicated or superseded job ends
 * without doing anything), under the campaign's row lock, so two workers never remind twice.
 */
export async function runCampaignReminders(db: Db, { campaignId, jobId, clock }: { campaignId: string; jobId: string | null; clock: Clock }): Promise<ReminderRun> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
    if (!campaign || campaign.status !== "open") return { reminded: [], messages: 0, nextRunAt: null };
    if (jobId !== null && campaign.reminderJobId !== null && campaign.reminderJobId !== jobId) return { reminded: [], messages: 0, nextRunAt: null };
    const now = clock.now();
    const afterMs = campaign.reminderAfterDays * DAY_MS;
    const progress = await campaignProgress(tx, campaignId, now);
    const silent = progress.filter((p) => !p.answered);
    const due = silent.filter((p) => p.lastContactedAt === null || now.getTime() - p.lastContactedAt.getTime() >= afterMs);
    const recipients = await recipientsOf(tx, due.map((p) => p.organizationId));
    // Invitations renewed by a reminder are in the name of the analyst who started the campaign.
    const [inviter] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, campaign.startedBy));
    const reminded: string[] = [];
    let messages = 0;
    for (const org of due) {
      const written = await writeToOrganization(tx, campaign, { id: org.organizationId, name: org.name }, recipients.get(org.organizationId)!, "reminder", now, inviter!);
      if (written.messages === 0) continue;
      messages += written.messages;
      await tx
        .update(campaignOrganizations)
        .set({
          lastContactedAt: now,
          reminders: sql`${campaignOrganizations.reminders} + 1`,
          invited: sql`${campaignOrganizations.invited} + ${written.invitations}`,
        })
        .where(and(eq(campaignOrganizations.campaignId, campaignId), eq(campaignOrganizations.organizationId, org.organizationId)));
      reminded.push(org.organizationId);
    }
    // The next run: when the earliest silent organisation that was not reminded now becomes due,
    // or one period from now.
    const remindedSet = new Set(reminded);
    const waits = silent
      .filter((p) => !remindedSet.has(p.organizationId) && p.lastContactedAt !== null && now.getTime() - p.lastContactedAt.getTime() < afterMs)
      .map((p) => p.lastContactedAt!.getTime() + afterMs - now.getTime());
    const delayMs = Math.min(afterMs, ...waits);
    const nextJob = await scheduleReminders(tx, campaignId, delayMs / 1000);
    await tx.update(campaigns).set({ reminderJobId: nextJob }).where(eq(campaigns.id, campaignId));
    return { reminded, messages, nextRunAt: new Date(now.getTime() + delayMs) };
  });
}

/** At start: an open campaign whose reminder job was never queued (started by a script, or before the queue ran) gets one. */
export async function resumeCampaignReminders(db: Db, clock: Clock): Promise<number> {
  const open = await db
    .select({ id: campaigns.id, startedAt: campaigns.startedAt, days: campaigns.reminderAfterDays })
    .from(campaigns)
    .where(and(eq(campaigns.status, "open"), sql`${campaigns.reminderJobId} IS NULL`));
  let queued = 0;
  for (const c of open) {
    await db.transaction(async (tx) => {
      const due = c.startedAt.getTime() + c.days * DAY_MS - clock.now().getTime();
      const jobId = await scheduleReminders(tx, c.id, due / 1000);
      if (jobId) {
        await tx.update(campaigns).set({ reminderJobId: jobId }).where(and(eq(campaigns.id, c.id), sql`${campaigns.reminderJobId} IS NULL`));
        queued += 1;
      }
    });
  }
  return queued;
}
