import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { signInSchema } from "../validation/auth";
import { recordAudit } from "./audit";
import type { SignInFailureReason } from "./audit-actions";
import { dummyPasswordHash, verifyPassword } from "./password";
import {
  clearFailures,
  countRefusal,
  DEFAULT_THROTTLE_POLICY,
  emailKey,
  ipKey,
  lockedUntil,
  registerFailure,
  shouldAuditRefusal,
  type ThrottlePolicy,
} from "./throttle";

/** The most of a typed email the audit log keeps (the longest valid address). */
const MAX_AUDITED_EMAIL = 254;

export interface SignInAttempt {
  email: unknown;
  password: unknown;
  /** The client's address, as far as it is known (lib/auth/client-ip.ts). */
  ip: string | null;
}

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export interface SignInOptions {
  /** The clock; injectable so that tests can step past a lock without sleeping. */
  now?: () => Date;
  policy?: ThrottlePolicy;
}

/**
 * Checks an email and password, with throttling and an audit entry for every outcome.
 *
 * The answer never reveals whether an account has the email: unknown emails cost the same
 * password hashing, are counted and locked the same way, and get the same "invalid". While
 * the email or the address is locked, even the right password is refused ("locked").
 * Attempts on one email are serialised (an advisory lock held for the attempt), so that
 * parallel guesses cannot slip past the count.
 */
export async function attemptSignIn(db: Db, attempt: SignInAttempt, options: SignInOptions = {}): Promise<SignInOutcome> {
  const now = (options.now ?? (() => new Date()))();
  const policy = options.policy ?? DEFAULT_THROTTLE_POLICY;
  const parsed = signInSchema.safeParse({ email: attempt.email, password: attempt.password });
  const typedEmail = typeof attempt.email === "string" ? attempt.email.trim().slice(0, MAX_AUDITED_EMAIL) : null;
  const ip = attempt.ip;
  if (!parsed.success) {
    // Nothing to check, but it counts against the address like a wrong password, so that a
    // flood of junk is throttled and writes a bounded number of audit rows.
    return db.transaction(async (tx) => {
      if (ip) {
        const until = await lockedUntil(tx, [ipKey(ip)], now);
        if (until) {
          const refusals = await countRefusal(tx, [ipKey(ip)], now);
          if (shouldAuditRefusal(refusals)) {
            await recordAudit(tx, { action: "auth.sign_in_failed", email: typedEmail, ip, details: { reason: "locked", refusals }, at: now });
          }
          return { ok: false, reason: "locked", until } as const;
        }
      }
      await recordAudit(tx, { action: "auth.sign_in_failed", email: typedEmail, ip, details: { reason: "invalid_input" }, at: now });
      const byIp = ip ? await registerFailure(tx, ipKey(ip), policy.ip, now) : null;
      if (byIp?.lockedNow) {
        await recordAudit(tx, {
          action: "auth.lockout",
          email: typedEmail,
          ip,
          details: { scope: "ip", failures: byIp.failures, lockedUntil: byIp.lockedUntil?.toISOString() },
          at: now,
        });
      }
      return { ok: false, reason: "invalid" } as const;
    });
  }
  const email = parsed.data.email.toLowerCase();
  const keys = { email: emailKey(email), ip: ip ? ipKey(ip) : null };
  // Hash outside the transaction: argon2 is slow on purpose.
  const fallbackHash = await dummyPasswordHash();

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${keys.email}, 0))`);
    const fail = async (reason: SignInFailureReason, user: User | undefined, extra: Record<string, unknown> = {}) =>
      recordAudit(tx, {
        action: "auth.sign_in_failed",
        // Whoever typed the email is unknown: the account is the target, not the actor.
        targetUserId: user?.id,
        email: typedEmail,
        ip,
        details: { reason, ...extra },
        at: now,
      });

    const [user] = await tx.select().from(users).where(eq(users.email, email));
    const lockKeys = [keys.email, ...(keys.ip ? [keys.ip] : [])];
    const until = await lockedUntil(tx, lockKeys, now);
    if (until) {
      const refusals = await countRefusal(tx, lockKeys, now);
      if (shouldAuditRefusal(refusals)) await fail("locked", user, { refusals });
      return { ok: false, reason: "locked", until } as const;
    }

    const passwordOk = await verifyPassword(user?.passwordHash ?? fallbackHash, parsed.data.password);
    if (user && passwordOk && user.active) {
      await clearFailures(tx, keys.email);
      await recordAudit(tx, { action: "auth.sign_in", actorId: user.id, targetUserId: user.id, email: typedEmail, ip, at: now });
      return { ok: true, user } as const;
    }

    await fail(!user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive", user);
    const byEmail = await registerFailure(tx, keys.email, policy.email, now);
    const byIp = keys.ip ? await registerFailure(tx, keys.ip, policy.ip, now) : null;
    for (const [scope, state] of [["email", byEmail], ["ip", byIp]] as const) {
      if (!state?.lockedNow) continue;
      await recordAudit(tx, {
        action: "auth.lockout",
        targetUserId: user?.id,
        email: typedEmail,
        ip,
        details: { scope, failures: state.failures, lockedUntil: state.lockedUntil?.toISOString() },
        at: now,
      });
    }
    const lockedAfter = [byEmail.lockedUntil, byIp?.lockedUntil].filter((d): d is Date => !!d && d > now);
    if (lockedAfter.length > 0) return { ok: false, reason: "locked", until: new Date(Math.max(...lockedAfter.map((d) => d.getTime()))) } as const;
    return { ok: false, reason: "invalid" } as const;
  });
}
