import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { role } from "./enums";
import { organizations } from "./organizations";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    /** Null until the account sets a password (an invitation not yet accepted): nothing signs in. */
    passwordHash: text("password_hash"),
    roles: role("roles").array().notNull(),
    /** For municipal officials: the one Swedish organisation they act for. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    active: boolean("active").notNull().default(true),
    /** Demo accounts exist only in the embedded demo mode; the UI says so. */
    isDemo: boolean("is_demo").notNull().default(false),
    /**
     * Carried in every session token; raising it (lib/auth/sessions.ts endUserSessions) ends all of
     * the account's sessions at their next request: sign-out, password change, deactivation, roles.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_has_role", sql`cardinality(${t.roles}) > 0`),
    check(
      "users_official_has_organization",
      sql`NOT ('municipal_official' = ANY(${t.roles})) OR ${t.organizationId} IS NOT NULL`,
    ),
    index("users_organization_idx").on(t.organizationId),
  ],
);

export type User = typeof users.$inferSelect;
