"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { changePassword } from "@/lib/accounts/change-password";
import { requestEmailChange } from "@/lib/accounts/request-email-change";
import { guardedAction } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/next-auth";

// One's own account. The password change ends every session of the account (this one too), then
// signs this device in again with the new password: the person stays signed in here only.
export const changePasswordAction = guardedAction("account.update", async (ctx, input: unknown) => {
  const result = await changePassword({ ctx, input });
  if (!result.ok) return result;
  try {
    await signIn("credentials", { email: result.value.email, password: (input as { password: string }).password, redirectTo: "/account?changed=password" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login");
    throw error;
  }
});

export const requestEmailChangeAction = guardedAction("account.update", (ctx, input: unknown) => requestEmailChange({ ctx, input }));
