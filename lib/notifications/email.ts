import { and, eq, isNull } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import type { NotificationMessage } from "./index";

// E-mail copies of in-app notifications, sent only when SMTP_URL is configured (off by default).
// Sent after the change has committed, from the notifications not yet e-mailed.

const SUBJECTS: Record<string, string> = {
  "proposal.submitted": "Nytt förslag att granska",
  "proposal.revised": "Reviderat förslag att granska",
  "proposal.changes_requested": "Ändringar begärda i ditt förslag",
  "proposal.approved": "Ditt förslag har godkänts",
  "proposal.rejected": "Ditt förslag har avslagits",
  "proposal.commented": "Ny kommentar på ett förslag",
};

let cached: Transporter | null | undefined;
export function configuredTransport(): Transporter | null {
  if (cached === undefined) cached = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return cached;
}

export interface EmailOptions {
  transport: Transporter;
  from: string;
  baseUrl: string;
}

/** Sends the pending e-mail copies and marks them sent. Returns how many were sent. */
export async function sendPendingEmails(db: Db, opts: EmailOptions): Promise<number> {
  const pending = await db
    .select({ n: notifications, email: users.email, name: users.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(isNull(notifications.emailedAt), eq(users.active, true)))
    .limit(100);
  let sent = 0;
  for (const { n, email, name } of pending) {
    const m = n.message as NotificationMessage;
    const link = n.proposalId ? `${opts.baseUrl}/review/${n.proposalId}` : `${opts.baseUrl}/notifications`;
    await opts.transport.sendMail({
      from: opts.from,
      to: `${name} <${email}>`,
      subject: `Avtalsregistret: ${SUBJECTS[n.kind] ?? n.kind}`,
      text: [`${m.actorName}: ${m.title}`, m.reason ? `\n”${m.reason}”` : "", `\n${link}`].join("\n"),
    });
    await db.update(notifications).set({ emailedAt: new Date() }).where(eq(notifications.id, n.id));
    sent++;
  }
  return sent;
}

/** Best effort after a committed change: a mail server that is down must not undo or fail the change. */
export async function flushEmails(db: Db): Promise<void> {
  const transport = configuredTransport();
  if (!transport) return;
  try {
    await sendPendingEmails(db, {
      transport,
      from: process.env.SMTP_FROM ?? "Avtalsregistret <no-reply@avtalsregistret.local>",
      baseUrl: process.env.APP_URL ?? "http://localhost:3000",
    });
  } catch (error) {
    console.error("[avtalsregistret] e-mail notifications not sent:", error);
  }
}
