import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { assertCan, type ActionContext } from "../auth/context";
import { endUserSessions } from "../auth/sessions";
import { ROLES, type Role } from "../domain/enums";
import { changeRolesSchema } from "../validation/users";
import { failure, fieldError, invalidInput, type WriteResult } from "./result";
import { isSwedishOrganization, isSystemAccount, lockForAccountChange, wouldLeaveNoAdmin } from "./rules";

const sameRoles = (a: readonly Role[], b: readonly Role[]) => ROLES.every((r) => a.includes(r) === b.includes(r));

/**
 * Changes an account's roles (and an official's organisation). The input carries the roles the
 * admin saw: if someone changed them meanwhile, nothing is overwritten and the admin is told.
 * An admin cannot take away their own admin role, and the last active admin stays one.
 */
export async function changeRoles({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<WriteResult<{ changed: boolean }>> {
  assertCan(ctx.user, "user.manage");
  const parsed = changeRolesSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const data = parsed.data;

  return ctx.db.transaction(async (tx) => {
    const { target, activeAdminIds } = await lockForAccountChange(tx, data.userId);
    if (!target) return failure("admin.userNotFound");
    if (isSystemAccount(target)) return failure("admin.systemAccount");
    if (!sameRoles(target.roles, data.base.roles) || target.organizationId !== data.base.organizationId) {
      return failure("admin.stale");
    }
    if (sameRoles(target.roles, data.roles) && target.organizationId === data.organizationId) {
      return { ok: true, value: { changed: false } };
    }
    const losesAdmin = target.roles.includes("admin") && !data.roles.includes("admin");
    if (losesAdmin && target.id === ctx.user.id) return fieldError("roles", "admin.cannotDemoteSelf");
    if (losesAdmin && wouldLeaveNoAdmin(target, activeAdminIds)) return fieldError("roles", "admin.lastAdmin");
    if (data.organizationId && !(await isSwedishOrganization(tx, data.organizationId))) {
      return fieldError("organizationId", "admin.organizationInvalid");
    }
    await tx.update(users).set({ roles: data.roles, organizationId: data.organizationId }).where(eq(users.id, target.id));
    await endUserSessions(tx, target.id);
    await recordAudit(tx, {
      action: "user.roles_change",
      actorId: ctx.user.id,
      targetUserId: target.id,
      email: target.email,
      ip: ctx.ip,
      details: {
        before: { roles: target.roles, organizationId: target.organizationId },
        after: { roles: data.roles, organizationId: data.organizationId },
      },
    });
    return { ok: true, value: { changed: true } };
  });
}
