import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/client";
import { currentStatusSubquery } from "../events/current-status-sql";

export interface LastConfirmation {
  agreementId: string;
  confirmedAt: Date;
  confirmedByName: string;
  eventId: string;
  note: string | null;
  /** The evidence kept with it, if any (an internal source: shown to those who may read sources' pages). */
  evidence: { id: string; kind: string; citation: string } | null;
  /** False when the agreement's state changed after this confirmation (it confirmed an older state). */
  current: boolean;
}

/** The latest confirmation of each agreement, with who made it and whether it is of the current state. */
export async function lastConfirmations(db: Db, agreementIds: readonly string[]): Promise<Map<string, LastConfirmation>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await queryRows<{
    agreement_id: string;
    confirmed_at: string | Date;
    name: string;
    event_id: string;
    note: string | null;
    current: boolean;
    source_id: string | null;
    source_kind: string | null;
    source_citation: string | null;
  }>(
    db,
    sql`SELECT DISTINCT ON (c.agreement_id) c.agreement_id, c.confirmed_at, u.name, c.event_id, c.note,
               coalesce(cs.event_id = c.event_id, false) AS current,
               s.id AS source_id, s.kind::text AS source_kind, s.citation AS source_citation
        FROM confirmations c JOIN users u ON u.id = c.confirmed_by
        LEFT JOIN sources s ON s.id = c.source_id
        LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = c.agreement_id
        WHERE ${inArray(sql`c.agreement_id`, [...agreementIds])}
        ORDER BY c.agreement_id, c.confirmed_at DESC, c.id`,
  );
  return new Map(
    rows.map((r) => [
      r.agreement_id,
      {
        agreementId: r.agreement_id,
        confirmedAt: new Date(r.confirmed_at),
        confirmedByName: r.name,
        eventId: r.event_id,
        note: r.note,
        evidence: r.source_id ? { id: r.source_id, kind: r.source_kind!, citation: r.source_citation ?? "" } : null,
        current: !!r.current,
      },
    ]),
  );
}
