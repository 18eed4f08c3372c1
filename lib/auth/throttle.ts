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

/** Forgets the failures of a key (after a successful sign-in for that email). */
export async function clearFailures(db: Db | Tx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
