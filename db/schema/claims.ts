import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { sources } from "./sources";
import { users } from "./users";

/**
 * What a source says about one field of an agreement (e.g. "established" = "2009"). Two
 * claims with different values for the same field are a conflict; both are kept.
 * Append-only (trigger).
 */
export const fieldClaims = pgTable(
  "field_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    field: text("field").notNull(),
    value: text("value").notNull(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id),
    quote: text("quote"),
    page: text("page"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("field_claims_agreement_idx").on(t.agreementId, t.field)],
);

/** The analyst's choice among conflicting claims, with the reason. The latest choice per field stands. Append-only. */
export const claimPreferences = pgTable(
  "claim_preferences",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    field: text("field").notNull(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => fieldClaims.id),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("claim_preferences_agreement_idx").on(t.agreementId, t.field, t.decidedAt)],
);
