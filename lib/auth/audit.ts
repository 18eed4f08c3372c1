import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export { AUDIT_ACTIONS, type AuditAction, type SignInFailureReason } from "./audit-actions";

/**
 * Appends to the audit log (table audit_log). The table is append-only (a trigger refuses
 * UPDATE and DELETE), so an entry outlives whatever it describes.
 */
export const auditActionSchema = z.enum(AUDIT_ACTIONS);

export interface AuditEntry {
  action: AuditAction;
  /** Who did it (the signed-in user; for sign-ins the account signing in, when it exists). */
  actorId?: string | null;
  /** The account it concerns. */
  targetUserId?: string | null;
  /** The email as typed, kept even when no account has it. */
  email?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
  /** Defaults to the database's clock; tests pass their own. */
  at?: Date;
}

/** Appends one entry. Call it inside the transaction of the change it records, so that both or neither happen. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: auditActionSchema.parse(entry.action),
    actorId: entry.actorId ?? null,
    targetUserId: entry.targetUserId ?? null,
    email: entry.email?.slice(0, 320) ?? null,
    ip: entry.ip?.slice(0, 100) ?? null,
    details: entry.details ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}
