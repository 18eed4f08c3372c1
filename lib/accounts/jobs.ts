import { registerHandler } from "@/lib/jobs";
import { RESET_JOB, sendPasswordReset, type ResetJob } from "./request-reset";

/** The accounts domain's jobs (registered at start by lib/jobs/handlers.ts). */
export function registerAccountJobs(): void {
  registerHandler<ResetJob>(RESET_JOB, async (payload, ctx) => {
    await sendPasswordReset(ctx.db, payload);
  }, { retryLimit: 3, retryDelay: 10 });
}
