"use server";

import { revalidatePath } from "next/cache";
import { createAgreement, type CreateAgreementResult } from "@/lib/agreements/create";
import { updateAgreement, type UpdateAgreementResult } from "@/lib/agreements/update";
import { FORBIDDEN } from "@/lib/agreements/write";
import { ForbiddenError, requireUser, UnauthenticatedError } from "@/lib/auth/guard";

// Thin: the signed-in user from the session, then the lib function (which checks can() and the
// zod schema itself, and writes with its revision), then revalidation.

async function context() {
  try {
    return await requireUser();
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) return null;
    throw error;
  }
}

export async function createAgreementAction(input: unknown): Promise<CreateAgreementResult> {
  const ctx = await context();
  if (!ctx) return FORBIDDEN;
  const result = await createAgreement({ ctx, input });
  if (result.ok) revalidatePath("/agreements");
  return result;
}

export async function updateAgreementAction(input: unknown): Promise<UpdateAgreementResult> {
  const ctx = await context();
  if (!ctx) return FORBIDDEN;
  const result = await updateAgreement({ ctx, input });
  if (result.ok) {
    revalidatePath("/agreements");
    revalidatePath(`/agreements/${result.id}`);
  }
  return result;
}
