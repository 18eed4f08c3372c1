"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/guard";
import { confirmAgreements } from "@/lib/confirmations/create";

// Thin: confirmAgreements checks the user's right for every agreement itself.
export async function confirmAction(input: unknown) {
  return runAction(async () => {
    const ctx = await requireUser();
    const result = await confirmAgreements({ ctx, input });
    revalidatePath("/home");
    revalidatePath("/agreements", "layout");
    return { count: result.ids.length };
  });
}
