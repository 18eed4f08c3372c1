import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Every create and update of an agreement, organisation or source, with before and after.
 * Rows outlive what they describe, so entity_id is not a foreign key.
 */
export const revisions = pgTable(
  "revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    action: text("action").notNull(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    before: jsonb("before"),
    after: jsonb("after"),
    changedFields: text("changed_fields").array().notNull(),
    reason: text("reason"),
    proposalId: uuid("proposal_id"),
  },
  (t) => [index("revisions_entity_idx").on(t.entityType, t.entityId, t.at), index("revisions_actor_idx").on(t.actorId, t.at)],
);

export type Revision = typeof revisions.$inferSelect;
