import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Security-relevant happenings: sign-ins, failed sign-ins, lockouts, account and role changes.
 * Append-only (trigger). `action` is `entity.verb` from the closed list in lib/auth/audit.ts.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    targetUserId: uuid("target_user_id").references(() => users.id),
    /** The email as typed, for failed sign-ins of addresses that may not exist. */
    email: text("email"),
    ip: text("ip"),
    details: jsonb("details"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_target_idx").on(t.targetUserId, t.at)],
);

/**
 * Failed sign-ins per key ("email:…" or "ip:…"), kept in the database so that throttling
 * holds across restarts and instances.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  firstFailureAt: timestamp("first_failure_at", { withTimezone: true }).notNull().defaultNow(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  /** Attempts refused while locked, since the lock began: only a few of them get an audit row. */
  refusals: integer("refusals").notNull().default(0),
});

/** Admin settings, e.g. whether analysts' edits need review. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type AuditLogRow = typeof auditLog.$inferSelect;
