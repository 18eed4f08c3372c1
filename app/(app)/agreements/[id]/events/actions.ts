"use server";

import { revalidatePath } from "next/cache";
import { readEvidenceSubmission } from "@/lib/attachments/form-data";
import { requireUser, UnauthenticatedError, type ActionContext } from "@/lib/auth/guard";
import { addEventSources, type AddSourcesResult } from "@/lib/events/add-sources";
import { correctEvent } from "@/lib/events/correct";
import { logStatusChange } from "@/lib/events/log-status-change";
import type { EventWriteResult } from "@/lib/events/record";

// Thin: the signed-in context, the lib function (which checks the permission and the input
// itself), and the pages to refresh.

async function context(): Promise<ActionContext | null> {
  try {
    return await requireUser();
  } catch (error) {
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  }
}

function refresh(agreementId: string) {
  revalidatePath(`/agreements/${agreementId}`);
  revalidatePath("/agreements");
  revalidatePath("/sources", "layout");
}

export async function logStatusChangeAction(formData: FormData): Promise<EventWriteResult> {
  const ctx = await context();
  if (!ctx) return { ok: false, message: "evidence.form.signedOut" };
  const { input, files } = await readEvidenceSubmission(formData);
  const result = await logStatusChange({ ctx, input, files });
  if (result.ok) refresh(result.value.agreementId);
  return result;
}

export async function correctEventAction(formData: FormData): Promise<EventWriteResult> {
  const ctx = await context();
  if (!ctx) return { ok: false, message: "evidence.form.signedOut" };
  const { input, files } = await readEvidenceSubmission(formData);
  const result = await correctEvent({ ctx, input, files });
  if (result.ok) refresh(result.value.agreementId);
  return result;
}

export async function addEventSourcesAction(formData: FormData): Promise<AddSourcesResult> {
  const ctx = await context();
  if (!ctx) return { ok: false, message: "evidence.form.signedOut" };
  const { input, files } = await readEvidenceSubmission(formData);
  const result = await addEventSources({ ctx, input, files });
  if (result.ok) refresh(result.value.agreementId);
  return result;
}
