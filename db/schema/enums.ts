import { pgEnum } from "drizzle-orm/pg-core";
import {
  AGREEMENT_KINDS,
  DATE_PRECISIONS,
  EVENT_STATUSES,
  FOREIGN_LEVELS,
  INITIATORS,
  ORG_KINDS,
  REASONS,
  ROLES,
  SOURCE_KINDS,
} from "../../lib/domain/enums";

export const orgKind = pgEnum("org_kind", ORG_KINDS);
export const foreignLevel = pgEnum("foreign_level", FOREIGN_LEVELS);
export const agreementKind = pgEnum("agreement_kind", AGREEMENT_KINDS);
export const eventStatus = pgEnum("event_status", EVENT_STATUSES);
export const datePrecision = pgEnum("date_precision", DATE_PRECISIONS);
export const reason = pgEnum("reason", REASONS);
export const initiator = pgEnum("initiator", INITIATORS);
export const sourceKind = pgEnum("source_kind", SOURCE_KINDS);
export const role = pgEnum("role", ROLES);

export const proposalStatus = pgEnum("proposal_status", ["open", "changes_requested", "approved", "rejected", "withdrawn"]);
export const proposalKind = pgEnum("proposal_kind", ["agreement.create", "agreement.update", "event.create", "revision.revert"]);
