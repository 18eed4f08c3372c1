import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { assertCan, type ActionContext } from "../auth/context";
import { endUserSessions } from "../auth/sessions";
import { setActiveSchema } from "../validation/users";
import { failure, invalidInput, type WriteResult } from "./result";
import { isSystemAccount, lockForAccountChange, wouldLeaveNoAdmin } from "./rules";

/**
 * Deactivates or reactivates an account. A deactivated account cannot sign in and loses access
 * at its next request (the session user is reread every request); everything it recorded stays.
 */
export async function setActive(ctx: ActionContext, input: unknown, active: boolean): Promise<WriteResult<{ id: string }>> {
  assertCan(ctx.user, "user.manage");
  const parsed = setActiveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { userId, reason } = parsed.data;

  return ctx.db.transaction(async (tx) => {
    const { target, activeAdminIds } = await lockForAccountChange(tx, userId);
    if (!target) return failure("admin.userNotFound");
    if (isSystemAccount(target)) return failure("admin.systemAccount");
    if (target.active === active) return failure(active ? "admin.alreadyActive" : "admin.alreadyInactive");
    if (!active && target.id === ctx.user.id) return failure("admin.cannotDeactivateSelf");
    if (!active && wouldLeaveNoAdmin(target, activeAdminIds)) return failure("admin.lastAdmin");
    await tx.update(users).set({ active }).where(eq(users.id, target.id));
    await endUserSessions(tx, target.id);
    await recordAudit(tx, {
      action: active ? "user.reactivate" : "user.deactivate",
      actorId: ctx.user.id,
      targetUserId: target.id,
      email: target.email,
      ip: ctx.ip,
      details: reason ? { reason } : null,
    });
    return { ok: true, value: { id: target.id } };
  });
}
