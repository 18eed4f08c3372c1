import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { queryRows } from "@/db/client";
import { agreements } from "@/db/schema";
import { currentStatusSubquery } from "../events/current-status-sql";

export interface AgreementState {
  agreementId: string;
  organizationId: string;
  version: number;
  /** The current (last live) event, null for an agreement without events. */
  eventId: string | null;
}

/** Each agreement's organisation, version and current event, as confirmations check them. */
export async function agreementStates(db: Db | Tx, ids: readonly string[]): Promise<Map<string, AgreementState>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; swedish_org_id: string; version: number; event_id: string | null }>(
    db as Db,
    sql`SELECT a.id, a.swedish_org_id, a.version, cs.event_id
        FROM ${agreements} a
        LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = a.id
        WHERE ${inArray(sql`a.id`, [...ids])}`,
  );
  return new Map(rows.map((r) => [r.id, { agreementId: r.id, organizationId: r.swedish_org_id, version: Number(r.version), eventId: r.event_id }]));
}
