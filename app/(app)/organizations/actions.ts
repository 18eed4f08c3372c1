"use server";

import { revalidatePath } from "next/cache";
import { FORBIDDEN } from "@/lib/agreements/write";
import { ForbiddenError, requireUser, UnauthenticatedError } from "@/lib/auth/guard";
import { createForeignOrganization, type CreateOrganizationResult } from "@/lib/organizations/create";

export async function createOrganizationAction(input: unknown): Promise<CreateOrganizationResult> {
  let ctx;
  try {
    ctx = await requireUser();
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) return FORBIDDEN;
    throw error;
  }
  const result = await createForeignOrganization({ ctx, input });
  if (result.ok) revalidatePath("/organizations");
  return result;
}
