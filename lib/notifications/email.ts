import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/mail";
import type { NotificationKind, NotificationMessage } from "./index";

// The e-mail copy of an in-app notification, written to the outbox in the same transaction
// as the notification (and the change behind it); the job worker sends it.

const SUBJECTS: Record<NotificationKind, string> = {
  "proposal.submitted": "Nytt förslag att granska",
  "proposal.revised": "Reviderat förslag att granska",
  "proposal.changes_requested": "Ändringar begärda i ditt förslag",
  "proposal.approved": "Ditt förslag har godkänts",
  "proposal.rejected": "Ditt förslag har avslagits",
  "proposal.commented": "Ny kommentar på ett förslag",
};

export async function queueNotificationEmails(
  tx: Tx,
  userIds: readonly string[],
  kind: NotificationKind,
  proposalId: string,
  message: NotificationMessage,
): Promise<void> {
  if (userIds.length === 0) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.active, true)));
  const link = `${env().appUrl}/review/${proposalId}`;
  for (const r of recipients) {
    await queueEmail(tx, {
      kind: "notification",
      to: { address: r.email, name: r.name },
      userId: r.id,
      subject: `Avtalsregistret: ${SUBJECTS[kind]}`,
      text: [`${message.actorName}: ${message.title}`, message.reason ? `\n”${message.reason}”` : "", `\n${link}`].join("\n"),
      link,
    });
  }
}
