import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements, eventSources, statusEvents, users } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { can, type Action } from "../auth/permissions";
import { attachmentStorage, type AttachmentStorage } from "../attachments/storage";
import { transactionWithUploads, type CheckedUpload, type UploadSession } from "../attachments/store";
import type { DatePrecision, EventStatus } from "../domain/enums";
import type { FormResult } from "../validation/form-result";
import type { LogStatusChangeInput } from "../validation/events";
import { toPartialDate } from "../validation/partial-date-input";
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
import { checkTransition, type HistoryEvent, type Refusal } from "./transitions";

export interface CorrectedByInfo {
  eventId: string;
  status: EventStatus;
  recordedByName: string;
  recordedAt: Date;
}

export type EventWriteResult = FormResult<
  { eventId: string; agreementId: string },
  { refusal: Refusal; duplicates: DuplicatesAt[]; uploadProblems: UploadProblemAt[]; correctedBy: CorrectedByInfo }
>;
export type EventRefusal = Extract<EventWriteResult, { ok: false }>;
type Refused = EventRefusal;

export interface RecordEventOptions {
  ctx: ActionContext;
  input: LogStatusChangeInput;
  files: readonly SourceFile[];
  storage?: AttachmentStorage;
  action: Action;
  correction?: { supersedesId: string; correctionReason: string };
}

/** The events of an agreement as the transition rules read them, in recording order. */
export async function loadHistory(tx: Tx, agreementId: string): Promise<HistoryEvent[]> {
  return tx
    .select({
      id: statusEvents.id,
      seq: statusEvents.seq,
      status: statusEvents.status,
      effectiveOn: statusEvents.effectiveOn,
      effectivePrecision: statusEvents.effectivePrecision,
      supersedesId: statusEvents.supersedesId,
    })
    .from(statusEvents)
    .where(eq(statusEvents.agreementId, agreementId))
    .orderBy(asc(statusEvents.seq));
}

/** What the event write takes inside a transaction: the checked input and its checked files. */
export interface StatusEventWrite {
  actorId: string;
  input: LogStatusChangeInput;
  /** The files of each source, by its position in `input.sources` (checked by prepareFiles). */
  files: Map<number, CheckedUpload[]>;
  correction?: { supersedesId: string; correctionReason: string };
}

/**
 * The one write of a status event, in the caller's transaction: locks the agreement, checks the
 * transition rules against its history and the evidence (existing sources exist, new ones are no
 * probable duplicates), then writes the new sources with their revisions, the files, the event
 * and its evidence links. A refusal is thrown as WriteRefused (rolling the caller's transaction
 * back) with the form's answer; every path that records an event (the status-change form, a
 * correction, a new agreement's first status) comes through here.
 */
export async function writeStatusEvent(tx: Tx, session: UploadSession, write: StatusEventWrite): Promise<{ eventId: string }> {
  const { input, correction } = write;
  const refuse = (result: Refused): never => {
    throw new WriteRefused(result);
  };
  const effective = toPartialDate(input.effective);
  const [agreement] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, input.agreementId)).for("update");
  if (!agreement) refuse({ ok: false, message: "evidence.errors.agreementMissing" });
  const history = await loadHistory(tx, input.agreementId);

  if (correction) {
    const target = history.find((e) => e.id === correction.supersedesId);
    if (!target) refuse({ ok: false, message: "evidence.correct.notFound" });
    const [later] = await tx
      .select({ eventId: statusEvents.id, status: statusEvents.status, recordedByName: users.name, recordedAt: statusEvents.recordedAt })
      .from(statusEvents)
      .innerJoin(users, eq(users.id, statusEvents.recordedBy))
      .where(eq(statusEvents.supersedesId, correction.supersedesId));
    if (later) refuse({ ok: false, message: "evidence.correct.alreadyCorrected", correctedBy: later });
  }

  const check = checkTransition(history, {
    status: input.status,
    effectiveOn: effective.on,
    effectivePrecision: effective.precision as DatePrecision,
    supersedesId: correction?.supersedesId ?? null,
  });
  if (!check.ok) refuse({ ok: false, message: "evidence.refusal.title", refusal: check.refusal });

  const pre = await precheckSourceUses(tx, input.sources);
  if (Object.keys(pre.fieldErrors).length > 0) refuse({ ok: false, message: "evidence.form.invalid", fieldErrors: pre.fieldErrors });
  if (pre.duplicates.length > 0) refuse({ ok: false, message: "sources.duplicate.found", duplicates: pre.duplicates });

  // Nothing below may refuse: only an error (which rolls everything back) stops it.
  const uses = await writeSourceUses(tx, input.sources, write.files, session, write.actorId);
  const hasOther = input.reasons.includes("other");
  const [event] = await tx
    .insert(statusEvents)
    .values({
      agreementId: input.agreementId,
      status: input.status,
      effectiveOn: effective.on,
      effectivePrecision: effective.precision,
      reasons: input.reasons,
      reasonOther: hasOther ? input.reasonOther : null,
      decidedBy: input.decidedBy || null,
      initiatedBy: input.initiatedBy,
      note: input.note || null,
      recordedBy: write.actorId,
      supersedesId: correction?.supersedesId ?? null,
      correctionReason: correction?.correctionReason ?? null,
    })
    .returning({ id: statusEvents.id });
  if (uses.length > 0) {
    await tx.insert(eventSources).values(uses.map((u) => ({ eventId: event!.id, ...u, createdBy: write.actorId })));
  }
  return { eventId: event!.id };
}

/**
 * Records a status event with its evidence, or refuses it with the reason: permission, input,
 * files, transition, duplicates. Everything that can be refused is checked before the first
 * write; the writes (new sources with their revisions, files, the event, its evidence links)
 * then happen in one transaction, and a failure leaves nothing behind, files included.
 * The agreement row is locked for the transaction, so two people cannot both end it.
 */
export async function recordStatusEvent(options: RecordEventOptions): Promise<EventWriteResult> {
  const { ctx, input, files, action, correction } = options;
  const actor = { ...ctx.user, active: true };
  if (!can(actor, action)) return { ok: false, message: "evidence.form.forbidden" };
  const missing = missingEvidencePermission(ctx.user, input.sources, files);
  if (missing) return { ok: false, message: "evidence.form.forbidden" };
  const prepared = prepareFiles(input.sources, files);
  if (!prepared.ok) return { ok: false, message: "evidence.upload.refused", uploadProblems: prepared.problems };

  try {
    return await transactionWithUploads(ctx.db, options.storage ?? attachmentStorage(), async (tx, session) => {
      const { eventId } = await writeStatusEvent(tx, session, { actorId: ctx.user.id, input, files: prepared.byIndex, correction });
      return { ok: true as const, value: { eventId, agreementId: input.agreementId } };
    });
  } catch (error) {
    if (error instanceof WriteRefused) return error.result as Refused;
    throw error;
  }
}
