"use server";

import { revalidatePath } from "next/cache";
import { attachFiles, type AttachFilesResult } from "@/lib/attachments/attach";
import { toUpload } from "@/lib/attachments/form-data";
import { guardedAction } from "@/lib/auth/action";
import { createSource, type CreateSourceResult } from "@/lib/sources/create";
import { searchSources, type SourcePick } from "@/lib/sources/search";
import { setSourceVisibility } from "@/lib/sources/set-visibility";
import { updateSource, type UpdateSourceResult } from "@/lib/sources/update";

// Each action declares its permission (a refusal is a 403 before the body runs); the lib
// functions check it again with the input.

export const createSourceAction = guardedAction("source.create", async (ctx, input: unknown): Promise<CreateSourceResult> => {
  const result = await createSource({ ctx, input });
  if (result.ok) revalidatePath("/sources");
  return result;
});

export const updateSourceAction = guardedAction("source.update", async (ctx, input: unknown): Promise<UpdateSourceResult> => {
  const result = await updateSource({ ctx, input });
  if (result.ok) {
    revalidatePath("/sources", "layout");
    revalidatePath("/agreements", "layout");
  }
  return result;
});

export const attachFilesAction = guardedAction("attachment.upload", async (ctx, formData: FormData): Promise<AttachFilesResult> => {
  const sourceId = formData.get("sourceId");
  const files = await Promise.all(formData.getAll("file").flatMap((f) => (typeof f === "string" ? [] : [toUpload(f)])));
  const result = await attachFiles({ ctx, input: { sourceId }, files });
  if (result.ok) {
    revalidatePath(`/sources/${String(sourceId)}`);
    revalidatePath("/agreements", "layout");
  }
  return result;
});

/** The status-change form's source picker: the first matches of a search. */
export const searchSourcesAction = guardedAction("source.read", async (ctx, q: string): Promise<SourcePick[]> => {
  const { rows } = await searchSources(ctx.db, { q: String(q).slice(0, 200), limit: 10 });
  return rows.map((r) => ({ id: r.id, kind: r.kind, citation: r.citation, title: r.title, agreementCount: r.agreementCount }));
});

export const setSourceVisibilityAction = guardedAction("source.update", async (ctx, input: unknown) => {
  const result = await setSourceVisibility({ ctx, input });
  if (result.ok) revalidatePath("/sources", "layout");
  return result;
});
