import { z } from "zod";
import type { ActionContext } from "../auth/guard";
import { can } from "../auth/permissions";
import { attachToSource, sourceExists, WriteRefused, type UploadProblemAt } from "../events/evidence";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";
import { attachmentStorage, type AttachmentStorage } from "./storage";
import { checkUploads, transactionWithUploads, type UploadInput } from "./store";

export const attachFilesSchema = z.object({ sourceId: z.uuid() });

export type AttachFilesResult = FormResult<{ attachmentIds: string[] }, { uploadProblems: UploadProblemAt[] }>;

/**
 * Attaches files to a source. Each file is checked (size, allow-list, content) before anything
 * is written; bytes the register already has are linked, not stored again.
 */
export async function attachFiles({
  ctx,
  input,
  files,
  storage,
}: {
  ctx: ActionContext;
  input: unknown;
  files: readonly UploadInput[];
  storage?: AttachmentStorage;
}): Promise<AttachFilesResult> {
  if (!can({ ...ctx.user, active: true }, "attachment.upload")) return FORBIDDEN;
  const parsed = attachFilesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (files.length === 0) return { ok: false, message: "evidence.upload.none" };
  const checked = checkUploads(files);
  if (!checked.ok) {
    return {
      ok: false,
      message: "evidence.upload.refused",
      uploadProblems: checked.problems.map((p) => ({ sourceIndex: 0, filename: p.filename, problem: p.problem })),
    };
  }
  try {
    return await transactionWithUploads(ctx.db, storage ?? attachmentStorage(), async (tx, session) => {
      if (!(await sourceExists(tx, parsed.data.sourceId))) throw new WriteRefused({ ok: false, message: "sources.errors.notFound" });
      const attachmentIds = await attachToSource(tx, parsed.data.sourceId, checked.uploads, session, ctx.user.id);
      return { ok: true as const, value: { attachmentIds } };
    });
  } catch (error) {
    if (error instanceof WriteRefused) return error.result as Extract<AttachFilesResult, { ok: false }>;
    throw error;
  }
}
