"use server";

import { revalidatePath } from "next/cache";
import { requireUser, UnauthenticatedError } from "@/lib/auth/guard";
import { createClaim } from "@/lib/claims/create";
import { preferClaim } from "@/lib/claims/prefer";
import type { FormResult } from "@/lib/validation/form-result";

export async function preferClaimAction(agreementId: string, input: unknown): Promise<FormResult<{ id: number }>> {
  try {
    const ctx = await requireUser();
    const result = await preferClaim({ ctx, input });
    if (result.ok) revalidatePath(`/agreements/${agreementId}`);
    return result;
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { ok: false, message: "evidence.form.signedOut" };
    throw error;
  }
}

export async function createClaimAction(input: unknown): Promise<FormResult<{ id: string }>> {
  try {
    const ctx = await requireUser();
    const result = await createClaim({ ctx, input });
    if (result.ok && typeof input === "object" && input && "agreementId" in input) revalidatePath(`/agreements/${String(input.agreementId)}`);
    return result;
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { ok: false, message: "evidence.form.signedOut" };
    throw error;
  }
}
