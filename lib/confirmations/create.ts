import { asc, inArray } from "drizzle-orm";
import { agreements, confirmations } from "@/db/schema";
import { attachmentStorage, type AttachmentStorage } from "../attachments/storage";
import { checkUploads, transactionWithUploads, type UploadInput } from "../attachments/store";
import type { ActionContext } from "../auth/context";
import { assertCan } from "../auth/context";
import { can } from "../auth/permissions";
import { attachToSource, sourceExists } from "../events/evidence";
import { ReviewError } from "../review/errors";
import { insertSource } from "../sources/create";
import { confirmSchema, MAX_CONFIRMATION_FILES } from "../validation/confirmations";
import { agreementStates } from "./current-state";

/**
 * "Nothing has changed": records that each agreement's current state, the event the user saw,
 * still holds. All or nothing: if any agreement's state changed since the user looked (a new
 * or corrected event), the whole confirmation is refused as stale and says which, so that
 * nobody confirms a state they have not seen. Officials confirm their own organisation's
 * agreements only; analysts any.
 */
export async function confirmAgreements({
  ctx,
  input,
  files = [],
  storage,
}: {
  ctx: ActionContext;
  input: unknown;
  /** The new evidence's file (an .eml, PDF or image), at most one. */
  files?: readonly UploadInput[];
  storage?: AttachmentStorage;
}): Promise<{ ids: string[]; sourceId: string | null }> {
  const parsed = confirmSchema.parse(input);
  const ids = [...new Set(parsed.items.map((i) => i.agreementId))];
  // Evidence: a new source of any kind, stored internal (nothing an official sends is published
  // unreviewed), with its file; or an existing source, which only staff who may cite sources pick.
  if (parsed.evidence && parsed.sourceId) throw new ReviewError("upload_refused", "confirm.errors.evidenceTwice");
  if (parsed.sourceId && !can({ ...ctx.user, active: true }, "source.create")) throw new ReviewError("upload_refused", "confirm.errors.sourceNotYours");
  if (files.length > 0 && !parsed.evidence) throw new ReviewError("upload_refused", "confirm.errors.fileWithoutEvidence");
  if (files.length > MAX_CONFIRMATION_FILES) throw new ReviewError("upload_refused", "confirm.errors.oneFile");
  const checked = checkUploads(files);
  if (!checked.ok) throw new ReviewError("upload_refused", "confirm.errors.fileRefused", { problems: checked.problems });

  return transactionWithUploads(ctx.db, storage ?? attachmentStorage(), async (tx, uploads) => {
    // The same row lock that recording an event takes: no event can slip in between check and insert.
    await tx.select({ id: agreements.id }).from(agreements).where(inArray(agreements.id, ids)).orderBy(asc(agreements.id)).for("update");
    const states = await agreementStates(tx, ids);
    for (const id of ids) {
      const state = states.get(id);
      if (!state) throw new ReviewError("not_found", "confirm.errors.notFound", { agreementId: id });
      assertCan(ctx.user, "confirmation.create", { organizationId: state.organizationId });
    }
    const stale = parsed.items.filter((i) => states.get(i.agreementId)!.eventId !== i.eventId).map((i) => i.agreementId);
    const missing = ids.filter((id) => states.get(id)!.eventId === null);
    if (missing.length > 0) throw new ReviewError("nothing_to_confirm", "confirm.errors.noState", { agreementIds: missing });
    if (stale.length > 0) throw new ReviewError("stale", "confirm.errors.stale", { agreementIds: stale });
    if (parsed.sourceId && !(await sourceExists(tx, parsed.sourceId))) throw new ReviewError("not_found", "confirm.errors.sourceMissing");
    let sourceId = parsed.sourceId ?? null;
    if (parsed.evidence) {
      const source = await insertSource(tx, parsed.evidence, ctx.user.id);
      await attachToSource(tx, source.id, checked.uploads, uploads, ctx.user.id);
      sourceId = source.id;
    }
    const rows = await tx
      .insert(confirmations)
      .values(
        ids.map((id) => {
          const s = states.get(id)!;
          return {
            agreementId: id,
            organizationId: s.organizationId,
            eventId: s.eventId!,
            agreementVersion: s.version,
            confirmedBy: ctx.user.id,
            note: parsed.note ?? null,
            sourceId,
            campaignId: parsed.campaignId ?? null,
          };
        }),
      )
      .returning({ id: confirmations.id });
    return { ids: rows.map((r) => r.id), sourceId };
  });
}
