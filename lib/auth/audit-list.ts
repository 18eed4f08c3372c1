import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditLog, users } from "@/db/schema";
import { auditFilterSchema, type AuditFilter } from "../validation/auth";
import type { AuditAction } from "./audit-actions";
import { assertCan, type ActionContext } from "./context";

export interface AuditRow {
  id: number;
  at: Date;
  action: AuditAction;
  actor: { id: string; email: string; name: string } | null;
  target: { id: string; email: string; name: string } | null;
  email: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  filter: AuditFilter;
  rows: AuditRow[];
  /** The id to pass as `before` for the next (older) page, or null on the last page. */
  nextBefore: number | null;
}

const TIME_ZONE = "Europe/Stockholm";

/** The audit log, newest first, filtered and paged. Admins only (audit.read). */
export async function listAuditLog({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<AuditPage> {
  assertCan(ctx.user, "audit.read");
  const filter = auditFilterSchema.parse(input ?? {});
  const actor = alias(users, "actor");
  const target = alias(users, "target");
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.userId) where.push(or(eq(auditLog.actorId, filter.userId), eq(auditLog.targetUserId, filter.userId))!);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(auditLog.email, like), ilike(actor.email, like), ilike(target.email, like), ilike(auditLog.ip, like))!);
  }
  // Dates are days in Swedish time, both ends included.
  if (filter.from) where.push(gte(auditLog.at, sql`(${filter.from}::date::timestamp AT TIME ZONE ${TIME_ZONE})`));
  if (filter.to) where.push(lt(auditLog.at, sql`((${filter.to}::date + 1)::timestamp AT TIME ZONE ${TIME_ZONE})`));
  if (filter.before) where.push(lt(auditLog.id, filter.before));

  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      email: auditLog.email,
      ip: auditLog.ip,
      details: auditLog.details,
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      targetId: target.id,
      targetEmail: target.email,
      targetName: target.name,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, eq(target.id, auditLog.targetUserId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);

  const page = rows.slice(0, filter.limit);
  return {
    filter,
    nextBefore: rows.length > filter.limit ? page.at(-1)!.id : null,
    rows: page.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action as AuditAction,
      actor: r.actorId ? { id: r.actorId, email: r.actorEmail!, name: r.actorName! } : null,
      target: r.targetId ? { id: r.targetId, email: r.targetEmail!, name: r.targetName! } : null,
      email: r.email,
      ip: r.ip,
      details: (r.details as Record<string, unknown> | null) ?? null,
    })),
  };
}
