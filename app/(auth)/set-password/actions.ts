"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/app-db";
import { setPasswordWithToken } from "@/lib/accounts/set-password";
import { clientIp } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/next-auth";

// Public by nature: the link is the permission (lib/accounts/set-password.ts checks it).
export async function setPasswordAction(input: unknown) {
  const result = await setPasswordWithToken({ ctx: { db: await getDb(), ip: clientIp(await headers()) }, input });
  if (!result.ok) return { ok: false as const, fieldErrors: result.fieldErrors, message: result.message };
  const password = (input as { password: string }).password;
  try {
    // Signed in with the new password, through the same checks as the sign-in form.
    await signIn("credentials", { email: result.value.email, password, redirectTo: "/home" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login");
    throw error; // the redirect after a successful sign-in travels as an exception
  }
}
