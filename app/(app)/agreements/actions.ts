"use server";

import { revalidatePath } from "next/cache";
import { createAgreement, type CreateAgreementResult } from "@/lib/agreements/create";
import { readEvidenceSubmission } from "@/lib/attachments/form-data";
import { guardedAction } from "@/lib/auth/action";
import { submitAgreementEdit, type AgreementEditResult } from "@/lib/review/edit-policy";

// Thin: the permission declared on the action (a refusal is a 403 before the body runs), then
// the lib function (which checks can() and the zod schema itself, and writes with its
// revision, or proposes the change when the review policy asks for it), then revalidation.

// With a first status the form sends FormData: the fields as JSON under "payload", each
// source's files under "file:<index of its source>", as the status-change form does.
export const createAgreementAction = guardedAction("agreement.create", async (ctx, submission: unknown): Promise<CreateAgreementResult> => {
  const { input, files } = submission instanceof FormData ? await readEvidenceSubmission(submission) : { input: submission, files: [] };
  const result = await createAgreement({ ctx, input, files });
  if (result.ok) {
    revalidatePath("/agreements");
    if (result.eventId) revalidatePath("/sources", "layout");
  }
  return result;
});

export const updateAgreementAction = guardedAction("agreement.update", async (ctx, input: unknown): Promise<AgreementEditResult> => {
  const result = await submitAgreementEdit({ ctx, input });
  if (result.ok) {
    revalidatePath("/agreements");
    revalidatePath(`/agreements/${result.id}`);
    revalidatePath("/review");
  }
  return result;
});
