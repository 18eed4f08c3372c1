import { registerHandler } from "@/lib/jobs";
import { systemClock, type Clock } from "./clock";
import { REMIND_JOB, runCampaignReminders } from "./remind";

/** Registers the per-campaign reminder job (lib/campaigns/remind.ts). A test passes its own clock. */
export function registerCampaignJobs({ clock = systemClock }: { clock?: Clock } = {}): void {
  registerHandler<{ campaignId: string }>(
    REMIND_JOB,
    async ({ campaignId }, ctx) => {
      await runCampaignReminders(ctx.db, { campaignId, jobId: ctx.jobId, clock });
    },
    { retryLimit: 5, retryDelay: 60 },
  );
}
