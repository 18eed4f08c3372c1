"use server";

import { revalidatePath } from "next/cache";
import { readEvidenceSubmission } from "@/lib/attachments/form-data";
import { guardedAction } from "@/lib/auth/action";
import { addEventSources, type AddSourcesResult } from "@/lib/events/add-sources";
import { correctEvent } from "@/lib/events/correct";
import { logStatusChange } from "@/lib/events/log-status-change";
import type { EventWriteResult } from "@/lib/events/record";

// Thin: the permission declared on the action (a refusal is a 403 before the body runs), the
// lib function (which checks the permission and the input again), and the pages to refresh.

function refresh(agreementId: string) {
  revalidatePath(`/agreements/${agreementId}`);
  revalidatePath("/agreements");
  revalidatePath("/sources", "layout");
}

export const logStatusChangeAction = guardedAction("event.create", async (ctx, formData: FormData): Promise<EventWriteResult> => {
  const { input, files } = await readEvidenceSubmission(formData);
  const result = await logStatusChange({ ctx, input, files });
  if (result.ok) refresh(result.value.agreementId);
  return result;
});

export const correctEventAction = guardedAction("event.correct", async (ctx, formData: FormData): Promise<EventWriteResult> => {
  const { input, files } = await readEvidenceSubmission(formData);
  const result = await correctEvent({ ctx, input, files });
  if (result.ok) refresh(result.value.agreementId);
  return result;
});

export const addEventSourcesAction = guardedAction("event.create", async (ctx, formData: FormData): Promise<AddSourcesResult> => {
  const { input, files } = await readEvidenceSubmission(formData);
  const result = await addEventSources({ ctx, input, files });
  if (result.ok) refresh(result.value.agreementId);
  return result;
});
