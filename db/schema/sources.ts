import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { datePrecision, sourceKind } from "./enums";
import { partialDateCheck } from "./partial-date";
import { sourceVisibility } from "./publication";
import { users } from "./users";

/**
 * A piece of evidence. One table for every kind; each kind's required fields are
 * enforced by check constraints (and by the zod schema in lib/validation).
 */
export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: sourceKind("kind").notNull(),
    /** The full reference as a reader would cite it. */
    citation: text("citation").notNull(),
    title: text("title"),
    // meeting protocol
    body: text("body"),
    meetingDate: date("meeting_date"),
    paragraph: text("paragraph"),
    diarienummer: text("diarienummer"),
    // email
    correspondent: text("correspondent"),
    // interview
    interviewNumber: integer("interview_number"),
    interviewer: text("interviewer"),
    // article, publication
    outlet: text("outlet"),
    author: text("author"),
    // official document, publication
    issuer: text("issuer"),
    /** Date of the email, interview, document or publication. */
    date: date("date"),
    datePrecision: datePrecision("date_precision").notNull().default("unknown"),
    publishedOn: date("published_on"),
    url: text("url"),
    retrievedOn: date("retrieved_on"),
    /** Report footnotes this source was taken from, for the seeded dataset. */
    /** Public sources are published in full, confidential ones only as kind and year, internal ones not at all. */
    visibility: sourceVisibility("visibility").notNull().default("internal"),
    footnotes: integer("footnotes").array().notNull().default(sql`'{}'::int[]`),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sources_url_idx").on(t.url),
    index("sources_diarienummer_idx").on(t.body, t.diarienummer),
    check("sources_citation_present", sql`length(btrim(${t.citation})) > 0`),
    check("sources_protocol_fields", sql`${t.kind} <> 'protocol' OR ${t.body} IS NOT NULL`),
    check("sources_email_fields", sql`${t.kind} <> 'email' OR (${t.correspondent} IS NOT NULL AND ${t.date} IS NOT NULL)`),
    check(
      "sources_interview_fields",
      sql`${t.kind} <> 'interview' OR (${t.interviewNumber} IS NOT NULL AND ${t.date} IS NOT NULL AND ${t.interviewer} IS NOT NULL)`,
    ),
    check("sources_article_fields", sql`${t.kind} <> 'article' OR (${t.outlet} IS NOT NULL AND ${t.title} IS NOT NULL)`),
    check("sources_official_document_fields", sql`${t.kind} <> 'official_document' OR (${t.issuer} IS NOT NULL AND ${t.title} IS NOT NULL)`),
    check("sources_web_page_fields", sql`${t.kind} <> 'web_page' OR ${t.url} IS NOT NULL`),
    check("sources_publication_fields", sql`${t.kind} <> 'publication' OR ${t.title} IS NOT NULL`),
    check("sources_date_precision", partialDateCheck(t.date, t.datePrecision)),
    check("sources_retrieved_needs_url", sql`${t.retrievedOn} IS NULL OR ${t.url} IS NOT NULL`),
  ],
);

/** Sources about an agreement as a whole (its text, its establishment, its current state). */
export const agreementSources = pgTable(
  "agreement_sources",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id),
    quote: text("quote"),
    page: text("page"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.sourceId] }), index("agreement_sources_source_idx").on(t.sourceId)],
);

export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
