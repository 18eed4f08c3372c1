"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/app-db";
import { confirmEmailChange } from "@/lib/accounts/confirm-email-change";
import { clientIp } from "@/lib/auth/client-ip";

// Public by nature: the link sent to the new address is the permission.
export async function confirmEmailAction(token: string): Promise<void> {
  const result = await confirmEmailChange({ ctx: { db: await getDb(), ip: clientIp(await headers()) }, input: { token } });
  const outcome = result.ok ? `done&email=${encodeURIComponent(result.value.email)}` : "refused" in result ? result.refused : "taken";
  redirect(`/confirm-email/${encodeURIComponent(token)}?outcome=${outcome}`);
}
