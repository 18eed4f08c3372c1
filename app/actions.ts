"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/next-auth";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

export async function setLocaleAction(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(locale), { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
