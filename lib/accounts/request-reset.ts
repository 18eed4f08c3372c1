import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { enqueue } from "@/lib/jobs";
import { recordAudit } from "../auth/audit";
import { invalidInput, type WriteResult } from "../users/result";
import { forgotPasswordSchema } from "../validation/accounts";
import { accountLinks, queueAccountEmail } from "./emails";
import type { PublicContext } from "./public-context";
import { allowSend, SEND_LIMITS, sendKey } from "./send-throttle";
import { issueToken } from "./tokens";

export const RESET_JOB = "accounts.password-reset";

export interface ResetJob {
  email: string;
  ip: string | null;
}

/**
 * "Glömt lösenord". The answer is the same whether or not an account has the address, and so is
 * the request's path: it counts the send against the address and the client (the same limits for
 * every address) and queues a job with the address, nothing else. The job (sendPasswordReset)
 * looks the account up and, when there is an active one, writes the link and its e-mail. So the
 * request neither reads the accounts table nor takes longer for a real address. A throttled
 * request gets the same answer too, and queues nothing.
 */
export async function requestPasswordReset({ ctx, input }: { ctx: PublicContext; input: unknown }): Promise<WriteResult<null>> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { email } = parsed.data;
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? null;
  await ctx.db.transaction(async (tx) => {
    const keys = [{ key: sendKey.address(email), rule: SEND_LIMITS.address }, ...(ip ? [{ key: sendKey.ip(ip), rule: SEND_LIMITS.ip }] : [])];
    if (!(await allowSend(tx, keys, now))) return;
    await enqueue<ResetJob>(tx, RESET_JOB, { email, ip });
  });
  return { ok: true, value: null };
}

/** The job: a reset link to the active account with the address, if there is one. Returns whether a message was written. */
export async function sendPasswordReset(db: Db, job: ResetJob, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.email, job.email), eq(users.active, true)));
    if (!user) return false;
    const { token } = await issueToken(tx, { purpose: "reset", userId: user.id, email: user.email, createdBy: null, now });
    const messageId = await queueAccountEmail(tx, {
      kind: "password_reset",
      to: { address: user.email, name: user.name },
      userId: user.id,
      link: accountLinks.setPassword(token),
      values: { name: user.name },
    });
    await recordAudit(tx, {
      action: "user.password_reset_request",
      targetUserId: user.id,
      email: user.email,
      ip: job.ip,
      details: { messageId },
      at: now,
    });
    return true;
  });
}
