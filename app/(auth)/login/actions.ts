"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { signInSchema } from "@/lib/validation/auth";

export type SignInResult = { error: "invalid" | "failed" | "locked"; fieldErrors?: Record<string, string[]> };

// Public by nature: signing in is what a stranger does. Throttling, the audit entry and the
// generic answer are in lib/auth/sign-in.ts (next-auth's authorize calls it).
export async function signInAction(input: unknown, callbackUrl: string | undefined): Promise<SignInResult | void> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { error: "invalid", fieldErrors: parsed.error.flatten().fieldErrors };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "locked") return { error: "locked" };
    if (error instanceof AuthError) return { error: "failed" };
    throw error; // the redirect after a successful sign-in travels as an exception
  }
}
