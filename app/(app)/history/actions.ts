"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/guard";
import { revertRevision } from "@/lib/review/revert";

export async function revertAction(input: { revisionId: number; reason: string; agreementId: string }) {
  return runAction(async () => {
    const result = await revertRevision({ ctx: await requireUser(), input: { revisionId: input.revisionId, reason: input.reason } });
    revalidatePath(`/history/agreement/${input.agreementId}`);
    revalidatePath(`/agreements/${input.agreementId}`);
    return result;
  });
}
