import type { AttachmentStorage } from "../attachments/storage";
import { attachmentStorage } from "../attachments/storage";
import { transactionWithUploads } from "../attachments/store";
import { missingEvidencePermission, prepareFiles, WriteRefused, type DuplicatesAt, type SourceFile, type UploadProblemAt } from "../events/evidence";
import { writeStatusEvent, type EventRefusal } from "../events/record";
import { insertForeignOrganization } from "../organizations/create";
import { agreementCreateSchema, isEmptyFirstStatus, type AgreementCreateValues } from "../validation/agreements";
import type { LogStatusChangeInput } from "../validation/events";
import { formValues, toFormFieldErrors } from "./fields";
import { allowed, createAgreements, fieldErrorsOf, FieldRefusal, FORBIDDEN, invalid, type FieldErrors, type Refusal, type WriteContext } from "./write";

/** A refusal of the first status's evidence: duplicates to look at, files that were refused. */
export type CreateAgreementRefusal = Refusal & { duplicates?: DuplicatesAt[]; uploadProblems?: UploadProblemAt[] };
export type CreateAgreementResult = { ok: true; id: string; eventId: string | null } | CreateAgreementRefusal;

/**
 * Creates an agreement, and its foreign party when the form asks for a new one, and its first
 * status when the form gives one, in one transaction: the agreement through the one agreement
 * write (lib/agreements/write.ts), the party through the organisation write, each with its
 * revision; the first status (its establishment, with its sources and their files) through the
 * one event write (lib/events/record.ts), as the status-change form records it. Anything refused
 * leaves nothing behind, files included. Without a first status the agreement is saved
 * incomplete, as the registry shows it ("Ingen händelse").
 *
 * Creating is direct under either review policy: the admin's "analysts' edits need review"
 * turns changes to an existing agreement into proposals, and a new agreement has none to review
 * (as the status-change form and the import's new rows).
 */
export async function createAgreement({
  ctx,
  input,
  files = [],
  storage,
}: {
  ctx: WriteContext;
  input: unknown;
  /** The first status's files, each by the position of its source in `firstStatus.sources`. */
  files?: readonly SourceFile[];
  storage?: AttachmentStorage;
}): Promise<CreateAgreementResult> {
  if (!allowed(ctx, "agreement.create")) return FORBIDDEN;
  const parsed = agreementCreateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { foreign, firstStatus, ...values } = parsed.data;
  if (foreign.mode === "new" && !allowed(ctx, "organization.create")) return FORBIDDEN;
  const first = firstStatus && !isEmptyFirstStatus(firstStatus) ? firstStatus : null;
  if (first && (!allowed(ctx, "event.create") || missingEvidencePermission(ctx.user, first.sources, files))) return FORBIDDEN;
  const prepared = prepareFiles(first?.sources ?? [], files);
  if (!prepared.ok) return { ...invalid({}, "evidence.upload.refused"), uploadProblems: prepared.problems };

  try {
    return await transactionWithUploads(ctx.db, storage ?? attachmentStorage(), async (tx, session) => {
      const foreignOrgId = foreign.mode === "new" ? await insertForeignOrganization(tx, ctx.user.id, foreign.org, "foreign.org.") : foreign.id;
      const [row] = await createAgreements(tx, { actorId: ctx.user.id, rows: [{ values: formValues(values, foreignOrgId) }] });
      const event = first ? await writeStatusEvent(tx, session, { actorId: ctx.user.id, input: establishment(row!.id, first), files: prepared.byIndex }) : null;
      return { ok: true as const, id: row!.id, eventId: event?.eventId ?? null };
    });
  } catch (error) {
    if (error instanceof FieldRefusal) return invalid(toFormFieldErrors(error.fieldErrors, foreign.mode));
    if (error instanceof WriteRefused) return firstStatusRefusal(error.result as EventRefusal);
    throw error;
  }
}

/** The first status as the event write takes it: the establishment, with the form's date and sources. */
function establishment(agreementId: string, first: NonNullable<AgreementCreateValues["firstStatus"]>): LogStatusChangeInput {
  return {
    agreementId,
    status: "active",
    effective: first.effective,
    reasons: [],
    reasonOther: "",
    decidedBy: "",
    initiatedBy: "unknown",
    note: "",
    sources: first.sources,
    saveAsDraft: false,
  };
}

/** The event write's refusal under the form's field names (firstStatus.sources.0.sourceId …). */
function firstStatusRefusal(r: EventRefusal): CreateAgreementRefusal {
  const fieldErrors: FieldErrors = {};
  for (const [path, messages] of Object.entries(r.fieldErrors ?? {})) fieldErrors[`firstStatus.${path}`] = messages;
  return {
    ...invalid(fieldErrors, r.message),
    ...(r.duplicates ? { duplicates: r.duplicates } : {}),
    ...(r.uploadProblems ? { uploadProblems: r.uploadProblems } : {}),
  };
}
