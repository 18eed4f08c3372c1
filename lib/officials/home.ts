import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/client";
import type { AgreementKind, DatePrecision, EventStatus } from "../domain/enums";
import { currentStatusSubquery } from "../events/current-status-sql";
import { lastConfirmations, type LastConfirmation } from "../confirmations/read";
import { readableProposals, type Reader } from "../review/read-scope";

export interface HomeAgreement {
  id: string;
  kind: AgreementKind;
  foreignName: string;
  foreignNative: string | null;
  event: { id: string; status: EventStatus; effectiveOn: string | null; precision: DatePrecision } | null;
  lastConfirmation: LastConfirmation | null;
  proposals: { id: string; kind: string; status: "open" | "changes_requested"; createdAt: Date; authorName: string }[];
}

/**
 * An organisation's agreements as its officials see them at home: state, last confirmation, and
 * the open proposals the reader may read (can("proposal.read"), as /review/<id> decides).
 */
export async function organizationHome(db: Db, reader: Reader, organizationId: string): Promise<HomeAgreement[]> {
  const rows = await queryRows<{
    id: string;
    kind: AgreementKind;
    foreign_name: string;
    foreign_native: string | null;
    event_id: string | null;
    status: EventStatus | null;
    effective_on: string | Date | null;
    effective_precision: DatePrecision | null;
  }>(
    db,
    sql`SELECT a.id, a.kind, f.name AS foreign_name, f.name_native AS foreign_native,
               cs.event_id, cs.status, cs.effective_on, cs.effective_precision
        FROM agreements a
        JOIN organizations f ON f.id = a.foreign_org_id
        LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = a.id
        WHERE a.swedish_org_id = ${organizationId}
        ORDER BY f.name, a.kind`,
  );
  const ids = rows.map((r) => r.id);
  const [confirmed, open] = await Promise.all([
    lastConfirmations(db, ids),
    ids.length === 0
      ? Promise.resolve([])
      : queryRows<{ id: string; agreement_id: string; kind: string; status: "open" | "changes_requested"; created_at: string | Date; author: string }>(
          db,
          sql`SELECT p.id, p.agreement_id, p.kind, p.status, p.created_at, u.name AS author
              FROM proposals p JOIN users u ON u.id = p.author_id
              WHERE p.organization_id = ${organizationId} AND p.status IN ('open', 'changes_requested')
                AND ${readableProposals(reader, { author: sql`p.author_id`, organization: sql`p.organization_id` })}
              ORDER BY p.created_at`,
        ),
  ]);
  const day = (v: string | Date | null) => (v === null ? null : typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    foreignName: r.foreign_name,
    foreignNative: r.foreign_native,
    event: r.event_id ? { id: r.event_id, status: r.status!, effectiveOn: day(r.effective_on), precision: r.effective_precision! } : null,
    lastConfirmation: confirmed.get(r.id) ?? null,
    proposals: open
      .filter((p) => p.agreement_id === r.id)
      .map((p) => ({ id: p.id, kind: p.kind, status: p.status, createdAt: new Date(p.created_at), authorName: p.author })),
  }));
}

/**
 * Open proposals on one agreement that the reader may read (for the "a proposal is pending"
 * notice on its page): like every read path that lists proposals, filtered by can().
 */
export async function pendingProposals(db: Db, reader: Reader, agreementId: string) {
  return queryRows<{ id: string; status: string; created_at: string | Date; author: string; author_id: string }>(
    db,
    sql`SELECT p.id, p.status, p.created_at, u.name AS author, p.author_id
        FROM proposals p JOIN users u ON u.id = p.author_id
        WHERE p.agreement_id = ${agreementId} AND p.status IN ('open', 'changes_requested')
          AND ${readableProposals(reader, { author: sql`p.author_id`, organization: sql`p.organization_id` })}
        ORDER BY p.created_at`,
  );
}
