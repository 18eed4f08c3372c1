"use server";

import { revalidatePath } from "next/cache";
import { inviteUser } from "@/lib/accounts/invite";
import { guardedAction } from "@/lib/auth/action";
import { changeRoles } from "@/lib/users/change-roles";
import { createUser } from "@/lib/users/create";
import { deactivateUser } from "@/lib/users/deactivate";
import { reactivateUser } from "@/lib/users/reactivate";
import type { WriteResult } from "@/lib/users/result";

// Thin: the permission is declared on each action (guardedAction refuses before the body runs,
// with the 403 page); the lib function validates, writes in one transaction and audits.

function revalidateOn<T>(result: WriteResult<T>, userId?: string): WriteResult<T> {
  if (result.ok) {
    revalidatePath("/admin/users");
    if (userId) revalidatePath(`/admin/users/${userId}`);
  }
  return result;
}

export const createUserAction = guardedAction("user.manage", async (ctx, input: unknown) => revalidateOn(await createUser({ ctx, input })));

export const changeRolesAction = guardedAction("user.manage", async (ctx, input: { userId?: string }) =>
  revalidateOn(await changeRoles({ ctx, input }), input?.userId),
);

export const deactivateUserAction = guardedAction("user.manage", async (ctx, input: { userId?: string }) =>
  revalidateOn(await deactivateUser({ ctx, input }), input?.userId),
);

export const reactivateUserAction = guardedAction("user.manage", async (ctx, input: { userId?: string }) =>
  revalidateOn(await reactivateUser({ ctx, input }), input?.userId),
);

// Staff roles need user.manage: inviteUser checks that itself.
export const inviteUserAction = guardedAction("user.invite", async (ctx, input: unknown) => revalidateOn(await inviteUser({ ctx, input })));
