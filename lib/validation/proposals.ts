import { z } from "zod";
import { AGREEMENT_KINDS, EVENT_STATUSES, INITIATORS, REASONS } from "../domain/enums";
import { sourceInputSchema, type SourceInput } from "./sources";

const partialDateText = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "review.errors.partialDate")
  .nullable();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "review.errors.tooLong")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** The fields of an agreement a proposal may change. */
export const agreementChangesSchema = z
  .object({
    swedishOrgId: z.string().uuid().optional(),
    foreignOrgId: z.string().uuid().optional(),
    kind: z.enum(AGREEMENT_KINDS).optional(),
    designation: optionalText(500),
    established: partialDateText.optional(),
    funding: optionalText(2000),
    areas: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    notes: optionalText(20_000),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: "review.errors.noChanges" });
export type AgreementChanges = z.infer<typeof agreementChangesSchema>;

/**
 * The evidence for a proposed status change: an existing source, or a meeting protocol given
 * by its particulars (the simple form officials use: "attach the protocol or give its diarienummer").
 */
export const proposedSourceSchema = z.discriminatedUnion("type", [
  /** A new source of any kind, with the same fields (and schema) as the analyst's source form. */
  z
    .object({
      type: z.literal("new"),
      source: sourceInputSchema,
      attachmentId: z.string().uuid().nullable().optional(),
      attachmentFilename: z.string().max(255).nullable().optional(),
      fileIndex: z.number().int().min(0).max(4).optional(),
      quote: optionalText(2000),
      page: optionalText(50),
    })
    // A council's decision is checkable by its protocol: attach it or give its diarienummer.
    .refine((s) => s.source.kind !== "protocol" || !!s.source.diarienummer || !!s.attachmentId || s.fileIndex !== undefined, {
      message: "review.errors.protocolNeedsEvidence",
      path: ["source", "diarienummer"],
    }),
  z.object({
    type: z.literal("existing"),
    sourceId: z.string().uuid(),
    quote: optionalText(2000),
    page: optionalText(50),
  }),
  /** The earlier, protocol-only form (kept so that proposals written with it still read and apply). */
  z.object({
    type: z.literal("protocol"),
    body: z.string().trim().min(2, "review.errors.protocolBody").max(200),
    meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "review.errors.meetingDate"),
    paragraph: optionalText(50),
    diarienummer: optionalText(100),
    /** A file already stored (kept when a proposal is revised). */
    attachmentId: z.string().uuid().nullable().optional(),
    attachmentFilename: z.string().max(255).nullable().optional(),
    /** The position of a file uploaded with this request; the server stores it and sets attachmentId. */
    fileIndex: z.number().int().min(0).max(4).optional(),
    quote: optionalText(2000),
    page: optionalText(50),
  }).refine((s) => !!s.diarienummer || !!s.attachmentId || s.fileIndex !== undefined, {
    message: "review.errors.protocolNeedsEvidence",
    path: ["diarienummer"],
  }),
]);
export type ProposedSource = z.infer<typeof proposedSourceSchema>;

export const proposedEventSchema = z
  .object({
    status: z.enum(EVENT_STATUSES),
    effective: partialDateText,
    reasons: z.array(z.enum(REASONS)).max(REASONS.length).default([]),
    reasonOther: optionalText(500),
    decidedBy: optionalText(200),
    initiatedBy: z.enum(INITIATORS).default("swedish_side"),
    note: optionalText(2000),
    sources: z.array(proposedSourceSchema).min(1, "review.errors.sourceRequired").max(10),
  })
  .refine((e) => !e.reasons.includes("other") || !!e.reasonOther, { message: "review.errors.reasonOther", path: ["reasonOther"] });
export type ProposedEvent = z.infer<typeof proposedEventSchema>;

export const createProposalSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("agreement.update"),
    agreementId: z.string().uuid(),
    baseVersion: z.number().int().positive(),
    changes: agreementChangesSchema,
    summary: optionalText(500),
  }),
  z.object({
    kind: z.literal("event.create"),
    agreementId: z.string().uuid(),
    event: proposedEventSchema,
    summary: optionalText(500),
  }),
  z.object({
    kind: z.literal("revision.revert"),
    revisionId: z.number().int().positive(),
    summary: optionalText(500),
  }),
]);
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

export const commentSchema = z.object({
  proposalId: z.string().uuid(),
  body: z.string().trim().min(1, "review.errors.commentRequired").max(5000),
});

export const decisionSchema = z.object({
  proposalId: z.string().uuid(),
  /** The proposal version the reviewer saw: a decision on anything else is refused. */
  version: z.number().int().positive(),
  reason: optionalText(5000),
});

/**
 * The proposal form as people fill it in (flat fields, strings; the evidence as the source form
 * keeps it). `toProposalInput` turns it into the payload that `createProposalSchema` checks again
 * on the server.
 */
export const proposalFormSchema = z
  .object({
    mode: z.enum(["status", "fields"]),
    summary: z.string().trim().max(500, "review.errors.tooLong"),
    status: z.enum(EVENT_STATUSES),
    effective: z.string().trim().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, "review.errors.partialDate"),
    reasons: z.array(z.enum(REASONS)),
    reasonOther: z.string().trim().max(500, "review.errors.tooLong"),
    decidedBy: z.string().trim().max(200, "review.errors.tooLong"),
    initiatedBy: z.enum(INITIATORS),
    note: z.string().trim().max(2000, "review.errors.tooLong"),
    /** The new source, any kind, with the fields of components/sources/source-fields.tsx. */
    source: z.record(z.string(), z.unknown()),
    attachmentId: z.string(),
    attachmentFilename: z.string(),
    /** Whether a file is chosen in the form (the file itself travels beside the values). */
    hasFile: z.boolean(),
    quote: z.string().trim().max(2000, "review.errors.tooLong"),
    page: z.string().trim().max(50, "review.errors.tooLong"),
    designation: z.string().trim().max(300, "review.errors.tooLong"),
    established: z.string().trim().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, "review.errors.partialDate"),
    funding: z.string().trim().max(300, "review.errors.tooLong"),
    areas: z.string().trim().max(2000, "review.errors.tooLong"),
    notes: z.string().trim().max(5000, "review.errors.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.mode !== "status") return;
    const source = sourceInputSchema.safeParse(v.source);
    if (!source.success) for (const issue of source.error.issues) ctx.addIssue({ code: "custom", path: ["source", ...issue.path.map(String)], message: issue.message });
    else if (source.data.kind === "protocol" && !source.data.diarienummer && !v.attachmentId && !v.hasFile)
      ctx.addIssue({ code: "custom", path: ["source", "diarienummer"], message: "review.errors.protocolNeedsEvidence" });
    if (v.reasons.includes("other") && !v.reasonOther) ctx.addIssue({ code: "custom", path: ["reasonOther"], message: "review.errors.reasonOther" });
  });
export type ProposalFormValues = z.infer<typeof proposalFormSchema>;

const orNull = (s: string) => (s === "" ? null : s);

/** The payload for `createProposalSchema` from the form; only fields that differ from `current` are proposed. */
export function toProposalInput(
  v: ProposalFormValues,
  agreement: { id: string; version: number; current: { designation: string | null; established: string | null; funding: string | null; areas: string[]; notes: string | null } },
): CreateProposalInput {
  if (v.mode === "status") {
    return {
      kind: "event.create",
      agreementId: agreement.id,
      summary: orNull(v.summary),
      event: {
        status: v.status,
        effective: orNull(v.effective),
        reasons: v.reasons,
        reasonOther: orNull(v.reasonOther),
        decidedBy: orNull(v.decidedBy),
        initiatedBy: v.initiatedBy,
        note: orNull(v.note),
        sources: [
          {
            type: "new",
            source: v.source as z.input<typeof sourceInputSchema> as SourceInput,
            attachmentId: v.hasFile ? null : orNull(v.attachmentId),
            attachmentFilename: v.hasFile ? null : orNull(v.attachmentFilename),
            ...(v.hasFile ? { fileIndex: 0 } : {}),
            quote: orNull(v.quote),
            page: orNull(v.page),
          },
        ],
      },
    };
  }
  const areas = v.areas.split(",").map((a) => a.trim()).filter(Boolean);
  const next = { designation: orNull(v.designation), established: orNull(v.established), funding: orNull(v.funding), areas, notes: orNull(v.notes) };
  const changes = Object.fromEntries(
    Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(agreement.current[k as keyof typeof next])),
  );
  return { kind: "agreement.update", agreementId: agreement.id, baseVersion: agreement.version, summary: orNull(v.summary), changes };
}
