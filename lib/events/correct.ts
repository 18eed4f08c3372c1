import type { ActionContext } from "../auth/guard";
import type { AttachmentStorage } from "../attachments/storage";
import { can } from "../auth/permissions";
import { FORBIDDEN, invalid } from "../validation/form-result";
import { correctEventSchema } from "../validation/events";
import type { SourceFile } from "./evidence";
import { recordStatusEvent, type EventWriteResult } from "./record";

/**
 * Corrects an event: records a new event that supersedes it, with the reason for the
 * correction. The wrong event stays in the log as it was (the database refuses to change it);
 * the timeline shows it struck through, with who corrected it, when and why. The correction is
 * judged by the transition rules as if the wrong event had never been recorded.
 */
export async function correctEvent({
  ctx,
  input,
  files = [],
  storage,
}: {
  ctx: ActionContext;
  input: unknown;
  files?: readonly SourceFile[];
  storage?: AttachmentStorage;
}): Promise<EventWriteResult> {
  if (!can({ ...ctx.user, active: true }, "event.correct")) return FORBIDDEN;
  const parsed = correctEventSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { supersedesId, correctionReason, ...fields } = parsed.data;
  return recordStatusEvent({ ctx, input: fields, files, storage, action: "event.correct", correction: { supersedesId, correctionReason } });
}
