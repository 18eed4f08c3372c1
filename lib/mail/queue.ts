import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { currentJobs, enqueue } from "@/lib/jobs";
import { jobDefinition } from "@/lib/jobs/registry";

export const DELIVER_JOB = "mail.deliver";

export interface EmailMessage {
  /** What it is for: "invitation", "password_reset", "email_change", "notification", "campaign", … */
  kind: string;
  to: { address: string; name?: string | null };
  /** The recipient's account, when there is one. */
  userId?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  /** The link the message carries, shown in /admin/outbox. */
  link?: string | null;
}

/**
 * Writes an e-mail to the outbox inside the caller's transaction, with its delivery job when this
 * process runs the job queue with mail delivery (otherwise lib/mail/sweep.ts gives it one later;
 * without SMTP it stays in /admin/outbox). A rolled-back change leaves neither behind.
 */
export async function queueEmail(tx: Tx | Db, message: EmailMessage): Promise<string> {
  const id = randomUUID();
  const jobId = currentJobs() && jobDefinition(DELIVER_JOB) ? await enqueue(tx, DELIVER_JOB, { messageId: id }) : null;
  await tx.insert(outboxMessages).values({
    id,
    kind: message.kind,
    toAddress: message.to.address.trim().toLowerCase(),
    toName: message.to.name ?? null,
    userId: message.userId ?? null,
    subject: message.subject,
    bodyText: message.text,
    bodyHtml: message.html ?? null,
    link: message.link ?? null,
    jobId,
  });
  return id;
}
