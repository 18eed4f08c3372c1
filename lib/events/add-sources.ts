import { and, eq, inArray } from "drizzle-orm";
import { eventSources, statusEvents } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { attachmentStorage, type AttachmentStorage } from "../attachments/storage";
import { transactionWithUploads } from "../attachments/store";
import { can } from "../auth/permissions";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";
import { addEventSourcesSchema } from "../validation/events";
import {
  missingEvidencePermission,
  precheckSourceUses,
  prepareFiles,
  WriteRefused,
  writeSourceUses,
  type DuplicatesAt,
  type SourceFile,
  type UploadProblemAt,
} from "./evidence";

export type AddSourcesResult = FormResult<{ eventId: string; agreementId: string }, { duplicates: DuplicatesAt[]; uploadProblems: UploadProblemAt[] }>;
type Refused = Extract<AddSourcesResult, { ok: false }>;

/**
 * Adds evidence to a recorded event: new rows in event_sources (append-only), never a change
 * to the event. An unconfirmed draft becomes confirmed by its first source. A superseded event
 * takes no more evidence: its correction is the event to support.
 */
export async function addEventSources({
  ctx,
  input,
  files = [],
  storage,
}: {
  ctx: ActionContext;
  input: unknown;
  files?: readonly SourceFile[];
  storage?: AttachmentStorage;
}): Promise<AddSourcesResult> {
  if (!can({ ...ctx.user, active: true }, "event.create")) return FORBIDDEN;
  const parsed = addEventSourcesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { eventId, sources: uses } = parsed.data;
  if (missingEvidencePermission(ctx.user, uses, files)) return FORBIDDEN;
  const prepared = prepareFiles(uses, files);
  if (!prepared.ok) return { ok: false, message: "evidence.upload.refused", uploadProblems: prepared.problems };

  try {
    return await transactionWithUploads(ctx.db, storage ?? attachmentStorage(), async (tx, session) => {
      const refuse = (result: Refused): never => {
        throw new WriteRefused(result);
      };
      const [event] = await tx.select({ id: statusEvents.id, agreementId: statusEvents.agreementId }).from(statusEvents).where(eq(statusEvents.id, eventId));
      if (!event) return refuse({ ok: false, message: "evidence.correct.notFound" });
      const [correction] = await tx.select({ id: statusEvents.id }).from(statusEvents).where(eq(statusEvents.supersedesId, eventId));
      if (correction) refuse({ ok: false, message: "evidence.addSources.superseded" });

      const existingIds = uses.flatMap((u) => (u.mode === "existing" ? [u.sourceId] : []));
      if (existingIds.length > 0) {
        const cited = new Set(
          (
            await tx
              .select({ sourceId: eventSources.sourceId })
              .from(eventSources)
              .where(and(eq(eventSources.eventId, eventId), inArray(eventSources.sourceId, existingIds)))
          ).map((r) => r.sourceId),
        );
        const fieldErrors: Record<string, string[]> = {};
        uses.forEach((u, i) => {
          if (u.mode === "existing" && cited.has(u.sourceId)) fieldErrors[`sources.${i}.sourceId`] = ["evidence.errors.sourceAlreadyCited"];
        });
        if (Object.keys(fieldErrors).length > 0) refuse({ ok: false, message: "evidence.form.invalid", fieldErrors });
      }
      const pre = await precheckSourceUses(tx, uses);
      if (Object.keys(pre.fieldErrors).length > 0) refuse({ ok: false, message: "evidence.form.invalid", fieldErrors: pre.fieldErrors });
      if (pre.duplicates.length > 0) refuse({ ok: false, message: "sources.duplicate.found", duplicates: pre.duplicates });

      const links = await writeSourceUses(tx, uses, prepared.byIndex, session, ctx.user.id);
      await tx.insert(eventSources).values(links.map((l) => ({ eventId, ...l, createdBy: ctx.user.id })));
      return { ok: true as const, value: { eventId, agreementId: event.agreementId } };
    });
  } catch (error) {
    if (error instanceof WriteRefused) return error.result as Refused;
    throw error;
  }
}
