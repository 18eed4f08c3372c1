import { registerAccountJobs } from "@/lib/accounts/jobs";
import { registerCampaignJobs } from "@/lib/campaigns/jobs";
import { env } from "@/lib/env";
import { registerImportJobs } from "@/lib/import/jobs";
import { registerMailJobs, transportFromEnv } from "@/lib/mail/jobs";

/** Registers every job the app runs, once, before the queue starts, so every instance knows them. */
export function registerAppJobs(): void {
  registerImportJobs();
  registerAccountJobs();
  const transport = transportFromEnv();
  if (transport) registerMailJobs({ transport, from: env().MAIL_FROM });
  registerCampaignJobs();
}
