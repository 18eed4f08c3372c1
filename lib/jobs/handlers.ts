import { registerAccountJobs } from "@/lib/accounts/jobs";
import { env } from "@/lib/env";
import { registerMailJobs, transportFromEnv } from "@/lib/mail/jobs";

/**
 * Registers every job the app runs, once, before the queue starts. Add a domain's jobs here
 * (e.g. background imports) so every instance knows them.
 */
export function registerAppJobs(): void {
  registerAccountJobs();
  const transport = transportFromEnv();
  if (transport) registerMailJobs({ transport, from: env().MAIL_FROM });
}
