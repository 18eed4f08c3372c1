"use server";

import { revalidatePath } from "next/cache";
import { attachFiles, type AttachFilesResult } from "@/lib/attachments/attach";
import { toUpload } from "@/lib/attachments/form-data";
import { requireUser, UnauthenticatedError, type ActionContext } from "@/lib/auth/guard";
import { createSource, type CreateSourceResult } from "@/lib/sources/create";
import { searchSources, type SourcePick } from "@/lib/sources/search";
import { updateSource, type UpdateSourceResult } from "@/lib/sources/update";

async function context(): Promise<ActionContext | null> {
  try {
    return await requireUser();
  } catch (error) {
    if (error instanceof UnauthenticatedError) return null;
    throw error;
  }
}
const SIGNED_OUT = { ok: false as const, message: "evidence.form.signedOut" };

export async function createSourceAction(input: unknown): Promise<CreateSourceResult> {
  const ctx = await context();
  if (!ctx) return SIGNED_OUT;
  const result = await createSource({ ctx, input });
  if (result.ok) revalidatePath("/sources");
  return result;
}

export async function updateSourceAction(input: unknown): Promise<UpdateSourceResult> {
  const ctx = await context();
  if (!ctx) return SIGNED_OUT;
  const result = await updateSource({ ctx, input });
  if (result.ok) {
    revalidatePath("/sources", "layout");
    revalidatePath("/agreements", "layout");
  }
  return result;
}

export async function attachFilesAction(formData: FormData): Promise<AttachFilesResult> {
  const ctx = await context();
  if (!ctx) return SIGNED_OUT;
  const sourceId = formData.get("sourceId");
  const files = await Promise.all(formData.getAll("file").flatMap((f) => (typeof f === "string" ? [] : [toUpload(f)])));
  const result = await attachFiles({ ctx, input: { sourceId }, files });
  if (result.ok) {
    revalidatePath(`/sources/${String(sourceId)}`);
    revalidatePath("/agreements", "layout");
  }
  return result;
}

/** The status-change form's source picker: the first matches of a search. */
export async function searchSourcesAction(q: string): Promise<SourcePick[]> {
  const ctx = await context();
  if (!ctx) return [];
  const { rows } = await searchSources(ctx.db, { q: String(q).slice(0, 200), limit: 10 });
  return rows.map((r) => ({ id: r.id, kind: r.kind, citation: r.citation, title: r.title, agreementCount: r.agreementCount }));
}
