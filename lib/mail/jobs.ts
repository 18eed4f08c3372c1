import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { registerHandler, registerSchedule } from "@/lib/jobs";
import { deliverMessage } from "./deliver";
import { DELIVER_JOB } from "./queue";
import { sweepOutbox } from "./sweep";

export const SWEEP_JOB = "mail.sweep";
export const DELIVERY_POLICY = { retryLimit: 8, retryDelay: 30, retryDelayMax: 3600, expireInSeconds: 300 };

export interface MailJobsOptions {
  transport: Transporter;
  from: string;
  policy?: Partial<typeof DELIVERY_POLICY>;
}

/** Registers delivery (one job per message) and the minute's sweep. Without a transport, none: mail stays in the outbox. */
export function registerMailJobs(options: MailJobsOptions): void {
  const policy = { ...DELIVERY_POLICY, ...options.policy };
  registerHandler<{ messageId: string }>(
    DELIVER_JOB,
    async ({ messageId }, ctx) => {
      await deliverMessage(ctx.db, messageId, {
        transport: options.transport,
        from: options.from,
        retryCount: ctx.retryCount,
        retryLimit: policy.retryLimit,
        staleAfterMs: policy.expireInSeconds * 1000,
      });
    },
    policy,
  );
  registerSchedule(SWEEP_JOB, "* * * * *", async (_payload, ctx) => {
    await sweepOutbox(ctx.db);
  }, { retryLimit: 0 });
}

/** The transport from SMTP_URL, or null when mail is not configured (the embedded demo). */
export function transportFromEnv(): Transporter | null {
  const url = env().SMTP_URL;
  return url ? nodemailer.createTransport(url) : null;
}
