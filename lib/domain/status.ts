import type { EventStatus } from "./enums";

/** What an agreement is after an event: the states the dashboards count. */
export const AGREEMENT_STATES = ["active", "dormant", "paused", "partially_terminated", "ended"] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export function stateAfter(status: EventStatus): AgreementState {
  switch (status) {
    case "active":
    case "resumed":
      return "active";
    case "dormant":
      return "dormant";
    case "paused":
      return "paused";
    case "partially_terminated":
      return "partially_terminated";
    case "terminated":
    case "terminated_by_counterpart":
    case "expired":
      return "ended";
  }
}

/** SQL CASE expression mapping an event_status column to its AgreementState. */
export function stateAfterSql(column: string): string {
  return `CASE ${column}
    WHEN 'active' THEN 'active' WHEN 'resumed' THEN 'active'
    WHEN 'dormant' THEN 'dormant' WHEN 'paused' THEN 'paused'
    WHEN 'partially_terminated' THEN 'partially_terminated'
    ELSE 'ended' END`;
}
