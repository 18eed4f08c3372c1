import type { Tx } from "@/db/client";
import { lockedUntil, registerFailure, type ThrottleRule } from "../auth/throttle";

// How often account e-mail may be sent, kept in the database with the sign-in throttle's
// counters (table sign_in_throttle, keys of their own), so that it holds across restarts and
// instances. Each send counts; at the limit the key is closed for the rest of the window.

const HOUR = 60 * 60 * 1000;
export const SEND_LIMITS = {
  /** Invitations, resets and address confirmations to one address: 5 an hour. */
  address: { maxFailures: 5, windowMs: HOUR, lockMs: HOUR },
  /** Invitations by one person: 100 an hour. */
  actor: { maxFailures: 100, windowMs: HOUR, lockMs: HOUR },
  /** Reset requests from one client address: 20 an hour. */
  ip: { maxFailures: 20, windowMs: HOUR, lockMs: HOUR },
} satisfies Record<string, ThrottleRule>;

export const sendKey = {
  address: (email: string) => `mail-to:${email.trim().toLowerCase()}`,
  actor: (userId: string) => `mail-by:${userId}`,
  ip: (ip: string) => `mail-ip:${ip}`,
};

/**
 * Counts one send against every key and says whether it may go: false (nothing counted) when
 * any key is closed. Call it in the transaction of the send.
 */
export async function allowSend(tx: Tx, keys: { key: string; rule: ThrottleRule }[], now: Date = new Date()): Promise<boolean> {
  if (await lockedUntil(tx, keys.map((k) => k.key), now)) return false;
  for (const { key, rule } of keys) await registerFailure(tx, key, rule, now);
  return true;
}
