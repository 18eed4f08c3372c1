import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { hashPassword } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { failure, invalidInput, type WriteResult } from "../users/result";
import { setPasswordSchema } from "../validation/accounts";
import type { PublicContext } from "./public-context";
import { checkToken, consumeToken, voidTokens, type TokenRefusal } from "./tokens";

export type SetPasswordResult = WriteResult<{ userId: string; email: string }> | { ok: false; refused: TokenRefusal; fieldErrors: Record<string, string[]>; message: string };

const PURPOSES = ["invite", "reset"] as const;

function refusal(reason: TokenRefusal): SetPasswordResult {
  return { ok: false, refused: reason, fieldErrors: {}, message: `accounts.token.${reason}` };
}

/**
 * Sets the password of the account a link (invitation or reset) names, and uses the link. The
 * password rules are checked against the account's own address (from the link, never from the
 * client). In one transaction: the link is used, the account's other open links are voided,
 * every session of the account ends, and the audit log says so.
 */
export async function setPasswordWithToken({ ctx, input }: { ctx: PublicContext; input: unknown }): Promise<SetPasswordResult> {
  const now = ctx.now ?? new Date();
  const raw = (input ?? {}) as Record<string, unknown>;
  // The link is the permission: check it first.
  const checked = await checkToken(ctx.db, raw.token, PURPOSES, now);
  if (!checked.ok) return refusal(checked.reason);
  const parsed = setPasswordSchema.safeParse({ ...raw, email: checked.user.email });
  if (!parsed.success) return invalidInput(parsed.error);
  const passwordHash = await hashPassword(parsed.data.password);

  return ctx.db.transaction(async (tx) => {
    const used = await consumeToken(tx, parsed.data.token, PURPOSES, now);
    if (!used.ok) return refusal(used.reason);
    if (used.user.id !== checked.user.id) return failure("accounts.token.invalid");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, used.user.id));
    await voidTokens(tx, used.user.id, ["invite", "reset"], now);
    await endUserSessions(tx, used.user.id);
    await recordAudit(tx, {
      action: "user.password_set",
      actorId: used.user.id,
      targetUserId: used.user.id,
      email: used.user.email,
      ip: ctx.ip ?? null,
      details: { via: used.token.purpose, tokenId: used.token.id },
      at: now,
    });
    return { ok: true, value: { userId: used.user.id, email: used.user.email } } as const;
  });
}
