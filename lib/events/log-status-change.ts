import type { ActionContext } from "../auth/guard";
import type { AttachmentStorage } from "../attachments/storage";
import { can } from "../auth/permissions";
import { FORBIDDEN, invalid } from "../validation/form-result";
import { logStatusChangeSchema } from "../validation/events";
import type { SourceFile } from "./evidence";
import { recordStatusEvent, type EventWriteResult } from "./record";

/**
 * Logs a status change on an agreement: status, effective date at its precision, reasons, who
 * decided and who took the initiative, a note, and its evidence (existing sources, new ones,
 * files). Refused unless the history allows the status at that date (lib/events/transitions.ts).
 * Without a source it is saved only when asked to (`saveAsDraft`), as an unconfirmed draft.
 */
export async function logStatusChange({
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
  if (!can({ ...ctx.user, active: true }, "event.create")) return FORBIDDEN;
  const parsed = logStatusChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return recordStatusEvent({ ctx, input: parsed.data, files, storage, action: "event.create" });
}
