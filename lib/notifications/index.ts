import { and, arrayContains, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { notifications, proposals, users } from "@/db/schema";
import { queueNotificationEmails } from "./email";
import { readableProposals, type Reader } from "../review/read-scope";

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

/** The reader's unread notifications, counted over the same rows listNotifications shows. */
export async function unreadCount(db: Db, reader: Reader): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .leftJoin(proposals, eq(proposals.id, notifications.proposalId))
    .where(and(eq(notifications.userId, reader.id), eq(notifications.read, false), visibleTo(reader)));
  return row?.n ?? 0;
}

const visibleTo = (reader: Reader) => sql`(${proposals.id} IS NULL OR ${readableProposals(reader, { author: sql`${proposals.authorId}`, organization: sql`${proposals.organizationId}` })})`;

/**
 * The reader's notifications, leaving out those about proposals they may no longer read (a
 * reviewer who became an official keeps the rows, not the sight of others' proposals).
 */
export async function listNotifications(db: Db, reader: Reader, limit = 50) {
  const rows = await db
    .select({ notification: notifications })
    .from(notifications)
    .leftJoin(proposals, eq(proposals.id, notifications.proposalId))
    .where(and(eq(notifications.userId, reader.id), visibleTo(reader)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => r.notification);
}

/** Marks the user's own notifications read; ids of other users' notifications are ignored. */
export async function markRead(db: Db, userId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, [...ids])));
}
