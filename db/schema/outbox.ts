import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** queued → sending → sent, or back to queued for a retry, or failed for good. */
export const outboxState = pgEnum("outbox_state", ["queued", "sending", "sent", "failed"]);

/**
 * Every e-mail the app sends, written in the transaction of the change that causes it
 * (lib/mail/queue.ts) and delivered by the job worker (lib/mail/deliver.ts).
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What the message is for, e.g. "invitation", "password_reset", "notification". */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    /** The recipient's account, when there is one. */
    userId: uuid("user_id").references(() => users.id),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    /** The link the message carries (shown in /admin/outbox so the embedded demo can follow it). */
    link: text("link"),
    state: outboxState("state").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The delivery job (pg-boss) that sends it; null until one is enqueued (see lib/mail/sweep.ts). */
    jobId: uuid("job_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When a worker last took the message for sending. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_messages_created_idx").on(t.createdAt), index("outbox_messages_state_idx").on(t.state, t.createdAt)],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type OutboxState = (typeof outboxState.enumValues)[number];
