"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/guard";
import { readEvidenceSubmission } from "@/lib/attachments/form-data";
import { confirmAgreements } from "@/lib/confirmations/create";

// Thin: confirmAgreements checks the user's right for every agreement itself. With evidence the
// form sends FormData (the fields as JSON under "payload", the file under "file:0").
export async function confirmAction(submission: unknown) {
  return runAction(async () => {
    const ctx = await requireUser();
    const { input, files } = submission instanceof FormData ? await readEvidenceSubmission(submission) : { input: submission, files: [] };
    const result = await confirmAgreements({ ctx, input, files: files.map((f) => f.file) });
    revalidatePath("/home");
    revalidatePath("/agreements", "layout");
    return { count: result.ids.length };
  });
}
