import { and, arrayContains, count, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { queueNotificationEmails } from "./email";

export type NotificationKind =
  | "proposal.submitted"
  | "proposal.revised"
  | "proposal.changes_requested"
  | "proposal.approved"
  | "proposal.rejected"
  | "proposal.commented";

export interface NotificationMessage {
  /** Short, language-neutral facts; the UI words them through the catalogue. */
  title: string;
  actorName: string;
  reason?: string | null;
}

export async function notify(
  tx: Tx,
  userIds: readonly string[],
  kind: NotificationKind,
  proposalId: string,
  message: NotificationMessage,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.insert(notifications).values(unique.map((userId) => ({ userId, kind, proposalId, message })));
  await queueNotificationEmails(tx, unique, kind, proposalId, message);
}

/** Every active reviewer except the given user (a reviewer is not told of their own proposal). */
export async function reviewerIds(tx: Db | Tx, exceptUserId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(arrayContains(users.roles, ["reviewer"]), eq(users.active, true), ne(users.id, exceptUserId)));
  return rows.map((r) => r.id);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.read, false)));
  return row?.n ?? 0;
}

export async function listNotifications(db: Db, userId: string, limit = 50) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
}

/** Marks the user's own notifications read; ids of other users' notifications are ignored. */
export async function markRead(db: Db, userId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, [...ids])));
}
