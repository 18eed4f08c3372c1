import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";
import { outboxMessages } from "./outbox";
import { users } from "./users";

export const campaignStatus = pgEnum("campaign_status", ["open", "closed"]);

/**
 * Where an organisation stands in a campaign, from least to most: nobody to write to, a message
 * waiting in the outbox, an invitation sent, delivered, bounced or failed, an official signed in,
 * a confirmation, a proposed change. Derived while the campaign is open (lib/campaigns/progress.ts)
 * and kept in `campaign_organizations.final_status` when it closes.
 */
export const campaignOrgStatus = pgEnum("campaign_org_status", [
  "no_recipient",
  "queued",
  "invited",
  "delivered",
  "failed",
  "signed_in",
  "confirmed",
  "proposed",
]);

/** A check-in campaign ("Årlig avstämning 2026"): a message to a selection of organisations, with reminders until it closes. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    messageSv: text("message_sv").notNull(),
    messageEn: text("message_en"),
    /** The criteria the organisations were chosen by (lib/validation/campaigns.ts selectionSchema), for the record. */
    selection: jsonb("selection").notNull(),
    /** A silent organisation is reminded this many days after it was last written to. */
    reminderAfterDays: integer("reminder_after_days").notNull(),
    status: campaignStatus("status").notNull().default("open"),
    startedBy: uuid("started_by")
      .notNull()
      .references(() => users.id),
    /** By the campaign's clock (lib/campaigns/clock.ts): the start of the window in which answers count. */
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    closedBy: uuid("closed_by").references(() => users.id),
    /** The end of the window. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The one reminder job that may act for this campaign (a duplicated or stale job does nothing). */
    reminderJobId: uuid("reminder_job_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("campaigns_title_present", sql`length(btrim(${t.title})) > 0`),
    check("campaigns_message_present", sql`length(btrim(${t.messageSv})) > 0`),
    check("campaigns_reminder_days", sql`${t.reminderAfterDays} BETWEEN 1 AND 365`),
    check(
      "campaigns_closed_shape",
      sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL AND ${t.closedBy} IS NOT NULL)`,
    ),
    index("campaigns_started_idx").on(t.startedAt),
  ],
);

/** One row per campaign and organisation: who was written to, when last, how many reminders, and at close where it ended. */
export const campaignOrganizations = pgTable(
  "campaign_organizations",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** Addresses written to at the start. */
    recipients: integer("recipients").notNull().default(0),
    /** The organisation had no account: its contacts were invited. */
    invited: integer("invited").notNull().default(0),
    /** When it was last written to (the start or the latest reminder), by the campaign's clock. */
    lastContactedAt: timestamp("last_contacted_at", { withTimezone: true }),
    reminders: integer("reminders").notNull().default(0),
    /** Kept when the campaign closes, so that its record no longer depends on later data. */
    finalStatus: campaignOrgStatus("final_status"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    signedInAt: timestamp("signed_in_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organizationId] }), index("campaign_organizations_org_idx").on(t.organizationId)],
);

export const campaignMessageKind = pgEnum("campaign_message_kind", ["initial", "reminder", "invitation"]);

/** Every e-mail a campaign wrote (its delivery state is the outbox message's). */
export const campaignMessages = pgTable(
  "campaign_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: campaignMessageKind("kind").notNull(),
    outboxMessageId: uuid("outbox_message_id")
      .notNull()
      .references(() => outboxMessages.id),
    userId: uuid("user_id").references(() => users.id),
    toAddress: text("to_address").notNull(),
    /** By the campaign's clock. */
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("campaign_messages_campaign_idx").on(t.campaignId, t.organizationId)],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignOrganization = typeof campaignOrganizations.$inferSelect;
export type CampaignOrgStatus = (typeof campaignOrgStatus.enumValues)[number];
