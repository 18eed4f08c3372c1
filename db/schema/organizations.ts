import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { foreignLevel, orgKind } from "./enums";

/** Sweden's 21 counties (län), from SCB's code list. */
export const counties = pgTable("counties", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/**
 * Both sides of an agreement. Swedish parties (kommun, region, länsstyrelse) carry their
 * official SCB code and county; foreign parties carry a native-script name, an
 * administrative level and a parent (e.g. a city's province).
 */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: orgKind("kind").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    officialCode: text("official_code"),
    countyCode: text("county_code").references(() => counties.code),
    nameNative: text("name_native"),
    level: foreignLevel("level"),
    parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id),
    countryCode: text("country_code").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_kind_code_key").on(t.kind, t.officialCode),
    index("organizations_parent_idx").on(t.parentId),
    index("organizations_county_idx").on(t.countyCode),
    check("organizations_name_present", sql`length(btrim(${t.name})) > 0`),
    check("organizations_country_code_format", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check(
      "organizations_swedish_shape",
      sql`(${t.kind} = 'foreign') OR (${t.countryCode} = 'SE' AND ${t.officialCode} IS NOT NULL AND ${t.countyCode} IS NOT NULL AND ${t.level} IS NULL)`,
    ),
    check("organizations_foreign_shape", sql`(${t.kind} <> 'foreign') OR (${t.countryCode} <> 'SE' AND ${t.countyCode} IS NULL)`),
    check("organizations_not_own_parent", sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type County = typeof counties.$inferSelect;
