import { recordAudit } from "../auth/audit";
import { assertCan, type ActionContext } from "../auth/context";
import { emailTaken } from "../users/rules";
import { failure, fieldError, invalidInput, type WriteResult } from "../users/result";
import { changeEmailSchema } from "../validation/accounts";
import { checkCurrentPassword } from "./current-password";
import { accountLinks, queueAccountEmail } from "./emails";
import { allowSend, SEND_LIMITS, sendKey } from "./send-throttle";
import { issueToken } from "./tokens";

/**
 * Asks to change the signed-in user's address: a link to the new address confirms it
 * (confirmEmailChange). The current password is required. The answer does not say whether
 * another account has the new address: then no link is sent, and the answer is the same.
 */
export async function requestEmailChange({ ctx, input, now }: { ctx: ActionContext; input: unknown; now?: Date }): Promise<WriteResult<{ email: string }>> {
  assertCan(ctx.user, "account.update");
  const at = now ?? new Date();
  const parsed = changeEmailSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { newEmail } = parsed.data;
  if (newEmail === ctx.user.email) return fieldError("newEmail", "account.sameEmail");
  const current = await checkCurrentPassword(ctx, parsed.data.currentPassword, at);
  if (current === "locked") return failure("account.locked");
  if (current === "wrong") return fieldError("currentPassword", "account.currentWrong");

  return ctx.db.transaction(async (tx) => {
    const allowed = await allowSend(
      tx,
      [
        { key: sendKey.actor(ctx.user.id), rule: SEND_LIMITS.address },
        { key: sendKey.address(newEmail), rule: SEND_LIMITS.address },
      ],
      at,
    );
    if (!allowed) return failure("accounts.throttled");
    const taken = await emailTaken(tx, newEmail, ctx.user.id);
    let messageId: string | null = null;
    if (!taken) {
      const { token } = await issueToken(tx, { purpose: "email_change", userId: ctx.user.id, email: newEmail, createdBy: ctx.user.id, now: at });
      messageId = await queueAccountEmail(tx, {
        kind: "email_change",
        to: { address: newEmail, name: ctx.user.name },
        userId: ctx.user.id,
        link: accountLinks.confirmEmail(token),
        values: { name: ctx.user.name },
      });
    }
    await recordAudit(tx, {
      action: "user.email_change_request",
      actorId: ctx.user.id,
      targetUserId: ctx.user.id,
      email: ctx.user.email,
      ip: ctx.ip,
      details: { newEmail, sent: !taken, messageId },
      at,
    });
    return { ok: true, value: { email: newEmail } } as const;
  });
}
