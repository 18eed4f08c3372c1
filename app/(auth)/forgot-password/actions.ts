"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/app-db";
import { requestPasswordReset } from "@/lib/accounts/request-reset";
import { clientIp } from "@/lib/auth/client-ip";

// Public by nature. The answer is the same for every address (lib/accounts/request-reset.ts).
export async function forgotPasswordAction(input: unknown) {
  const result = await requestPasswordReset({ ctx: { db: await getDb(), ip: clientIp(await headers()) }, input });
  return result.ok ? ({ ok: true } as const) : result;
}
