import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ActionContext } from "../auth/context";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { clearFailures, DEFAULT_THROTTLE_POLICY, emailKey, lockedUntil, registerFailure } from "../auth/throttle";

/**
 * Checks the signed-in user's current password (before a password or address change). Wrong
 * guesses count against the account's e-mail like failed sign-ins (lib/auth/throttle.ts), so a
 * borrowed session cannot guess the password faster than the sign-in form allows.
 */
export async function checkCurrentPassword(ctx: ActionContext, password: string, now: Date): Promise<"ok" | "wrong" | "locked"> {
  const key = emailKey(ctx.user.email);
  if (await lockedUntil(ctx.db, [key], now)) return "locked";
  const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.user.id));
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
  if (ok) {
    await clearFailures(ctx.db, key);
    return "ok";
  }
  const state = await registerFailure(ctx.db, key, DEFAULT_THROTTLE_POLICY.email, now);
  return state.lockedUntil && state.lockedUntil > now ? "locked" : "wrong";
}
