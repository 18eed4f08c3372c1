import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONTACT_KINDS, TOKEN_PURPOSES } from "../../lib/accounts/vocabulary";
import { organizations } from "./organizations";
import { users } from "./users";

export const accountTokenPurpose = pgEnum("account_token_purpose", TOKEN_PURPOSES);
export const contactKind = pgEnum("contact_kind", CONTACT_KINDS);

/**
 * Single-use, expiring links sent by e-mail: an invitation (set a first password), a password
 * reset, an e-mail address change. Only the SHA-256 of the token is stored (and the outbox drops
 * the link once the e-mail is delivered), so that a copy of the database opens no account
 * (lib/accounts/tokens.ts).
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Hex SHA-256 of the token in the link. */
    tokenHash: text("token_hash").notNull().unique(),
    purpose: accountTokenPurpose("purpose").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** Where the link was sent; for an e-mail change, the new address it confirms. */
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when the link is used, or when a newer link or a password change makes it void. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Who caused it: the inviter; null when the person asked for it (forgot password). */
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_hash_format", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check("account_tokens_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * The people and addresses an organisation is reached at besides its officials' accounts, e.g.
 * its registrator. Staff only (lib/accounts/contacts.ts); never in the public register.
 */
export const organizationContacts = pgTable(
  "organization_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: contactKind("kind").notNull(),
    name: text("name"),
    email: text("email").notNull(),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organization_contacts_org_idx").on(t.organizationId),
    check("organization_contacts_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

export type AccountToken = typeof accountTokens.$inferSelect;
export type OrganizationContact = typeof organizationContacts.$inferSelect;
