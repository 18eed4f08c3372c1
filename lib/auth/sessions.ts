import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users } from "@/db/schema";
import { loadCurrentUser, type CurrentUser } from "./session-user";

// Sessions are next-auth JWTs in a cookie; the server still decides whether one is alive.
// - Idle lifetime: 8 hours. Every request renews the cookie (next-auth's sliding expiry).
// - Absolute lifetime: 12 hours after sign-in, whatever the renewals: then sign in again.
// - Revocation: the token carries the account's session version (`users.session_version`);
//   endUserSessions() raises it, so every token issued before stops working at its next
//   request. Sign-out, a password change, deactivation and a role change call it. Sign-out
//   therefore ends the account's sessions on every device, not only the one signing out.

export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** What our session token carries besides next-auth's own claims. */
export interface SessionClaims {
  sub?: string;
  /** users.session_version at sign-in. */
  sv?: number;
  /** Sign-in time, seconds since the epoch. */
  authTime?: number;
}

/** The claims of a fresh session for `user`, signed in at `nowMs`. */
export function startSession<T extends SessionClaims>(token: T, user: { id: string; sessionVersion: number }, nowMs: number): T {
  return { ...token, sub: user.id, sv: user.sessionVersion, authTime: Math.floor(nowMs / 1000) };
}

/**
 * The token to renew on a request at `nowMs`, or null when the session must end: past its
 * absolute lifetime, or a token without our claims (issued before they existed).
 */
export function renewSession<T extends SessionClaims>(token: T, nowMs: number): T | null {
  if (!token.sub || typeof token.sv !== "number" || typeof token.authTime !== "number") return null;
  if (nowMs / 1000 - token.authTime >= SESSION_ABSOLUTE_SECONDS) return null;
  return token;
}

/** Ends every session of the account (at their next request). Call it inside the change's transaction. */
export async function endUserSessions(tx: Db | Tx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * The user a session names, read fresh from the database: null when the account is gone or
 * deactivated, or when the session was ended since (its version is not the account's).
 */
export async function loadSessionUser(db: Db, session: { userId?: string | null; sessionVersion?: number | null }): Promise<CurrentUser | null> {
  if (!session.userId || typeof session.sessionVersion !== "number") return null;
  return loadCurrentUser(db, session.userId, { sessionVersion: session.sessionVersion });
}
