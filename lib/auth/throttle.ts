import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signInThrottle } from "@/db/schema";

/**
 * Throttling of failed sign-ins, kept in the database (table sign_in_throttle) so that it holds
 * across restarts and across several app instances. Two counters per attempt: one for the email
 * as typed (whether or not an account has it, so the answer reveals nothing) and one for the
 * client's address. A key with `maxFailures` failures within `windowMs` is locked for `lockMs`;
 * attempts while locked are refused without checking the password and are not counted.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}
export interface ThrottlePolicy {
  email: ThrottleRule;
  ip: ThrottleRule;
}

const MINUTE = 60_000;
export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  // 5 wrong passwords for one email within 15 minutes lock that email for 15 minutes.
  email: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  // An address trying many emails (password spraying) is locked after 30 failures.
  ip: { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
};

export function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}
export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** The latest moment until which any of the keys is locked, or null when none is. */
export async function lockedUntil(db: Db | Tx, keys: string[], now: Date): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.lockedUntil, now)));
  const until = rows.map((r) => r.lockedUntil!.getTime());
  return until.length > 0 ? new Date(Math.max(...until)) : null;
}

/**
 * Counts one failure for `key` in a single statement (safe against concurrent attempts) and
 * returns the key's state afterwards. A failure outside the window starts a new count.
 */
export async function registerFailure(
  db: Db | Tx,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<{ failures: number; lockedUntil: Date | null; lockedNow: boolean }> {
  const nowText = now.toISOString();
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const lockEnd = new Date(now.getTime() + rule.lockMs);
  const stale = sql`${signInThrottle.firstFailureAt} <= ${windowStart}::timestamptz`;
  const nextCount = sql`(CASE WHEN ${stale} THEN 1 ELSE ${signInThrottle.failures} + 1 END)`;
  const [row] = await db
    .insert(signInThrottle)
    .values({
      key,
      failures: 1,
      firstFailureAt: now,
      lastFailureAt: now,
      lockedUntil: rule.maxFailures <= 1 ? lockEnd : null,
    })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: nextCount,
        firstFailureAt: sql`(CASE WHEN ${stale} THEN ${nowText}::timestamptz ELSE ${signInThrottle.firstFailureAt} END)`,
        lastFailureAt: sql`${nowText}::timestamptz`,
        lockedUntil: sql`(CASE WHEN ${nextCount} >= ${rule.maxFailures} THEN ${lockEnd.toISOString()}::timestamptz ELSE NULL END)`,
        refusals: 0,
      },
    })
    .returning({ failures: signInThrottle.failures, lockedUntil: signInThrottle.lockedUntil });
  const until = row?.lockedUntil ?? null;
  return {
    failures: row?.failures ?? 1,
    lockedUntil: until,
    lockedNow: !!until && until.getTime() === lockEnd.getTime(),
  };
}

/**
 * Counts an attempt refused because a key is locked and returns the highest count among the
 * locked keys. A locked attempt is not checked; its audit row is thinned (shouldAuditRefusal).
 */
export async function countRefusal(db: Db | Tx, keys: string[], now: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .update(signInThrottle)
    .set({ refusals: sql`${signInThrottle.refusals} + 1` })
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.lockedUntil, now)))
    .returning({ refusals: signInThrottle.refusals });
  return Math.max(0, ...rows.map((r) => r.refusals));
}

/**
 * Refused attempts during one lock that get an audit row: the 1st, 10th, 100th, ... so that a
 * flood of requests cannot grow the (append-only) audit log without bound, yet its size shows.
 */
export function shouldAuditRefusal(refusals: number): boolean {
  return /^10*$/.test(String(refusals));
}

/** Forgets the failures of a key (after a successful sign-in for that email). */
export async function clearFailures(db: Db | Tx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
