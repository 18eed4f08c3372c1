import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { emailTaken } from "../users/rules";
import { failure, type WriteResult } from "../users/result";
import { tokenSchema } from "../validation/accounts";
import { accountLinks, queueAccountEmail } from "./emails";
import type { PublicContext } from "./public-context";
import { consumeToken, voidTokens, type TokenRefusal } from "./tokens";

export type ConfirmEmailResult = WriteResult<{ userId: string; email: string }> | { ok: false; refused: TokenRefusal; fieldErrors: Record<string, string[]>; message: string };

/**
 * Confirms an address change through the link sent to the new address: the account's address
 * becomes the new one, the link is used, and the old address is told (in case it was not its
 * owner who asked). Refused, changing nothing, when another account has taken the address since.
 */
export async function confirmEmailChange({ ctx, input }: { ctx: PublicContext; input: unknown }): Promise<ConfirmEmailResult> {
  const now = ctx.now ?? new Date();
  const parsed = tokenSchema.safeParse(input);
  if (!parsed.success) return { ok: false, refused: "invalid", fieldErrors: {}, message: "accounts.token.invalid" };
  return ctx.db.transaction(async (tx) => {
    const used = await consumeToken(tx, parsed.data.token, ["email_change"], now);
    if (!used.ok) return { ok: false, refused: used.reason, fieldErrors: {}, message: `accounts.token.${used.reason}` } as const;
    const { user, token } = used;
    if (await emailTaken(tx, token.email, user.id)) {
      // The link is spent either way (it commits as used): a new request is needed.
      return failure("accounts.confirmEmail.taken");
    }
    await tx.update(users).set({ email: token.email }).where(eq(users.id, user.id));
    await voidTokens(tx, user.id, ["email_change", "reset"], now);
    await queueAccountEmail(tx, {
      kind: "email_changed",
      to: { address: user.email, name: user.name },
      userId: user.id,
      link: accountLinks.login(),
      values: { name: user.name, newEmail: token.email },
    });
    await recordAudit(tx, {
      action: "user.email_change",
      actorId: user.id,
      targetUserId: user.id,
      email: token.email,
      ip: ctx.ip ?? null,
      details: { before: user.email, after: token.email, tokenId: token.id },
      at: now,
    });
    return { ok: true, value: { userId: user.id, email: token.email } } as const;
  });
}
