import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { assertCan, type ActionContext } from "../auth/context";
import { hashPassword } from "../auth/password";
import { endUserSessions } from "../auth/sessions";
import { failure, fieldError, invalidInput, type WriteResult } from "../users/result";
import { changePasswordSchema } from "../validation/accounts";
import { checkCurrentPassword } from "./current-password";
import { voidTokens } from "./tokens";

/**
 * Changes the signed-in user's own password; the current one is required (wrong guesses count
 * like failed sign-ins and lock the same way). Ends every session of the account, this one too:
 * the caller signs this device in again with the new password (app/(app)/account/actions.ts),
 * so the person stays signed in here and nowhere else. Open reset and invitation links are voided.
 */
export async function changePassword({ ctx, input, now }: { ctx: ActionContext; input: unknown; now?: Date }): Promise<WriteResult<{ email: string }>> {
  assertCan(ctx.user, "account.update");
  const at = now ?? new Date();
  const parsed = changePasswordSchema.safeParse({ ...((input ?? {}) as object), email: ctx.user.email });
  if (!parsed.success) return invalidInput(parsed.error);
  const current = await checkCurrentPassword(ctx, parsed.data.currentPassword, at);
  if (current === "locked") return failure("account.locked");
  if (current === "wrong") return fieldError("currentPassword", "account.currentWrong");
  const passwordHash = await hashPassword(parsed.data.password);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, ctx.user.id));
    await voidTokens(tx, ctx.user.id, ["invite", "reset"], at);
    await endUserSessions(tx, ctx.user.id);
    await recordAudit(tx, { action: "user.password_change", actorId: ctx.user.id, targetUserId: ctx.user.id, email: ctx.user.email, ip: ctx.ip, at });
    return { ok: true, value: { email: ctx.user.email } } as const;
  });
}
