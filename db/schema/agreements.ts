import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreementKind, datePrecision } from "./enums";
import { organizations } from "./organizations";
import { partialDateCheck } from "./partial-date";
import { users } from "./users";

/**
 * One written agreement between a Swedish and a foreign party. A pair with both a
 * twin-city agreement and a partnership has two rows. Its status is not stored here:
 * it is derived from the status events.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    swedishOrgId: uuid("swedish_org_id")
      .notNull()
      .references(() => organizations.id),
    foreignOrgId: uuid("foreign_org_id")
      .notNull()
      .references(() => organizations.id),
    kind: agreementKind("kind").notNull(),
    designation: text("designation"),
    establishedOn: date("established_on"),
    establishedPrecision: datePrecision("established_precision").notNull().default("unknown"),
    funding: text("funding"),
    areas: text("areas").array().notNull().default(sql`'{}'::text[]`),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    index("agreements_swedish_org_idx").on(t.swedishOrgId),
    index("agreements_foreign_org_idx").on(t.foreignOrgId),
    check("agreements_parties_differ", sql`${t.swedishOrgId} <> ${t.foreignOrgId}`),
    check("agreements_established_precision", partialDateCheck(t.establishedOn, t.establishedPrecision)),
    check("agreements_version_positive", sql`${t.version} > 0`),
  ],
);

export type Agreement = typeof agreements.$inferSelect;
export type NewAgreement = typeof agreements.$inferInsert;
