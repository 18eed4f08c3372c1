import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accountTokens, users, type AccountToken, type User } from "@/db/schema";
import { TOKEN_LIFETIME_MS, type TokenPurpose } from "./vocabulary";

// Single-use, expiring links (table account_tokens). The link carries 32 random bytes
// (base64url); the database keeps only their SHA-256 (and the outbox forgets the link once the
// e-mail is delivered: lib/mail/deliver.ts), so a copy of the database opens no account.
// A token is refused when it is unknown, used (or voided by a newer link or a password change),
// expired, for another purpose than the page it is used on, or its account is deactivated.

export const TOKEN_REFUSALS = ["invalid", "used", "expired", "wrong_purpose", "inactive"] as const;
export type TokenRefusal = (typeof TOKEN_REFUSALS)[number];

export type TokenCheck = { ok: true; token: AccountToken; user: User } | { ok: false; reason: TokenRefusal };

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Issues a new link for `purpose` to the account and voids the account's earlier unused links
 * of that purpose (a renewed invitation or a second reset request leaves one valid link).
 * Returns the token itself: it goes into the e-mail and nowhere else.
 */
export async function issueToken(
  tx: Tx,
  input: { purpose: TokenPurpose; userId: string; email: string; createdBy: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await voidTokens(tx, input.userId, [input.purpose], now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);
  await tx.insert(accountTokens).values({
    tokenHash: hashToken(token),
    purpose: input.purpose,
    userId: input.userId,
    email: input.email.trim().toLowerCase(),
    expiresAt,
    createdBy: input.createdBy,
    createdAt: now,
  });
  return { token, expiresAt };
}

/** Marks the account's unused links of these purposes as used (e.g. after a password change). */
export async function voidTokens(tx: Tx, userId: string, purposes: readonly TokenPurpose[], now: Date = new Date()): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), inArray(accountTokens.purpose, [...purposes]), isNull(accountTokens.usedAt)));
}

function judge(row: { token: AccountToken; user: User } | undefined, purposes: readonly TokenPurpose[], now: Date): TokenCheck {
  if (!row) return { ok: false, reason: "invalid" };
  if (!purposes.includes(row.token.purpose)) return { ok: false, reason: "wrong_purpose" };
  if (row.token.usedAt) return { ok: false, reason: "used" };
  if (row.token.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (!row.user.active) return { ok: false, reason: "inactive" };
  return { ok: true, token: row.token, user: row.user };
}

async function find(db: Db | Tx, token: unknown, lock: boolean) {
  if (typeof token !== "string" || !TOKEN_FORMAT.test(token)) return undefined;
  const query = db
    .select({ token: accountTokens, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Whether the link may be used for one of `purposes` (for showing its page). Changes nothing. */
export async function checkToken(db: Db | Tx, token: unknown, purposes: readonly TokenPurpose[], now: Date = new Date()): Promise<TokenCheck> {
  return judge(await find(db, token, false), purposes, now);
}

/**
 * Uses the link, inside the caller's transaction: locks its row, checks it again and marks it
 * used, so that two uses at the same moment cannot both succeed. The caller's change and the
 * use commit together, or neither does.
 */
export async function consumeToken(tx: Tx, token: unknown, purposes: readonly TokenPurpose[], now: Date = new Date()): Promise<TokenCheck> {
  const checked = judge(await find(tx, token, true), purposes, now);
  if (!checked.ok) return checked;
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, checked.token.id));
  return { ...checked, token: { ...checked.token, usedAt: now } };
}
