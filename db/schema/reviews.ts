import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agreements } from "./agreements";
import { proposalKind, proposalStatus } from "./enums";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * A change request: an edit to an agreement, a new status event (with its sources), a new
 * agreement, or the revert of a revision. It records the version of the record it was based
 * on; approval applies it in one transaction.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: proposalKind("kind").notNull(),
    status: proposalStatus("status").notNull().default("open"),
    agreementId: uuid("agreement_id").references(() => agreements.id),
    /** The Swedish organisation the change concerns, for filtering and for officials' scope. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    baseVersion: integer("base_version"),
    payload: jsonb("payload").notNull(),
    summary: text("summary"),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    /** Bumped on every change of the proposal, so that two reviewers cannot both decide it. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("proposals_status_idx").on(t.status, t.createdAt),
    index("proposals_agreement_idx").on(t.agreementId),
    index("proposals_author_idx").on(t.authorId),
    index("proposals_organization_idx").on(t.organizationId),
  ],
);

/** Every version of a proposal's payload, so that a revision after "ask for changes" keeps the earlier one. Append-only. */
export const proposalVersions = pgTable("proposal_versions", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  proposalId: uuid("proposal_id")
    .notNull()
    .references(() => proposals.id),
  payload: jsonb("payload").notNull(),
  baseVersion: integer("base_version"),
  authorId: uuid("author_id")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Discussion on a proposal, and the reviewers' decisions with their reasons. Append-only. */
export const proposalComments = pgTable(
  "proposal_comments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** comment | changes_requested | approved | rejected | revised | withdrawn */
    kind: text("kind").notNull().default("comment"),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_comments_proposal_idx").on(t.proposalId, t.createdAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    proposalId: uuid("proposal_id").references(() => proposals.id),
    message: jsonb("message").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    read: boolean("read").notNull().default(false),
    /** When the e-mail copy was sent (only with SMTP configured). */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.read, t.createdAt)],
);

export type Proposal = typeof proposals.$inferSelect;
