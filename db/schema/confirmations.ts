import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { campaigns } from "./campaigns";
import { statusEvents } from "./events";
import { organizations } from "./organizations";
import { sources } from "./sources";
import { users } from "./users";

/**
 * "Nothing has changed": someone (an official of the agreement's organisation, or an analyst)
 * confirms that the agreement's current state, the event `event_id`, still holds. Append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE); a later confirmation is a new row.
 */
export const confirmations = pgTable(
  "confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    /** The Swedish organisation the agreement belonged to when confirmed. */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** The state confirmed: the agreement's current event at the time. */
    eventId: uuid("event_id")
      .notNull()
      .references(() => statusEvents.id),
    agreementVersion: integer("agreement_version").notNull(),
    confirmedBy: uuid("confirmed_by")
      .notNull()
      .references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note"),
    /** Optional evidence (e.g. the e-mail that says so). */
    sourceId: uuid("source_id").references(() => sources.id),
    /** The check-in campaign this answers, if any. */
    campaignId: uuid("campaign_id").references(() => campaigns.id),
  },
  (t) => [
    index("confirmations_agreement_idx").on(t.agreementId, t.confirmedAt),
    index("confirmations_organization_idx").on(t.organizationId, t.confirmedAt),
  ],
);

export type Confirmation = typeof confirmations.$inferSelect;
