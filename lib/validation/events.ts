import { z } from "zod";
import { multilineText } from "./text";
import { EVENT_STATUSES, INITIATORS, REASONS } from "../domain/enums";
import { partialDateInputSchema } from "./partial-date-input";
import { sourceInputSchema } from "./sources";

// The status-change form, shared by the form (react-hook-form resolver) and the server.

const text = (max: number) => multilineText(max, "evidence.errors.tooLong");

/** One use of a source as evidence: an existing source picked by search, or a new one. */
export const sourceUseSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("existing"),
    sourceId: z.uuid("evidence.errors.sourcePick"),
    /** Shown in the form only; the server reads the source itself. */
    label: z.string().max(2000).optional(),
    quote: text(5000),
    page: text(50),
  }),
  z.object({
    mode: z.literal("new"),
    source: sourceInputSchema,
    quote: text(5000),
    page: text(50),
    /** The user has seen the possible duplicates and says this is a different source. */
    allowDuplicate: z.boolean(),
  }),
]);
export type SourceUseInput = z.infer<typeof sourceUseSchema>;

export const MAX_SOURCES_PER_EVENT = 12;

const eventFields = {
  status: z.enum(EVENT_STATUSES, "evidence.errors.statusRequired"),
  effective: partialDateInputSchema,
  reasons: z.array(z.enum(REASONS)).max(REASONS.length),
  reasonOther: text(500),
  decidedBy: text(300),
  initiatedBy: z.enum(INITIATORS),
  note: text(5000),
  sources: z.array(sourceUseSchema).max(MAX_SOURCES_PER_EVENT, "evidence.errors.tooManySources"),
  /** Analysts may save without a source; the event is then an unconfirmed draft until one is added. */
  saveAsDraft: z.boolean(),
};

type EventFields = z.infer<z.ZodObject<typeof eventFields>>;

function checkEvent(e: EventFields, ctx: z.RefinementCtx) {
  if (e.reasons.includes("other") && e.reasonOther === "") {
    ctx.addIssue({ code: "custom", path: ["reasonOther"], message: "evidence.errors.reasonOtherRequired" });
  }
  if (new Set(e.reasons).size !== e.reasons.length) ctx.addIssue({ code: "custom", path: ["reasons"], message: "evidence.errors.reasonTwice" });
  if (e.sources.length === 0 && !e.saveAsDraft) {
    ctx.addIssue({ code: "custom", path: ["sources"], message: "evidence.errors.sourceRequired" });
  }
  const seen = new Set<string>();
  e.sources.forEach((s, i) => {
    if (s.mode !== "existing") return;
    if (seen.has(s.sourceId)) ctx.addIssue({ code: "custom", path: ["sources", i, "sourceId"], message: "evidence.errors.sourceTwice" });
    seen.add(s.sourceId);
  });
}

export const logStatusChangeSchema = z.object({ agreementId: z.uuid(), ...eventFields }).superRefine(checkEvent);
export type LogStatusChangeInput = z.infer<typeof logStatusChangeSchema>;

export const correctEventSchema = z
  .object({
    agreementId: z.uuid(),
    supersedesId: z.uuid(),
    correctionReason: multilineText(2000, "evidence.errors.tooLong").pipe(z.string().min(1, "evidence.errors.correctionReasonRequired")),
    ...eventFields,
  })
  .superRefine(checkEvent);
export type CorrectEventInput = z.infer<typeof correctEventSchema>;

/** Adding evidence to an event that exists (an unconfirmed draft, or one that needs more). */
export const addEventSourcesSchema = z.object({
  eventId: z.uuid(),
  sources: z.array(sourceUseSchema).min(1, "evidence.errors.sourceRequired").max(MAX_SOURCES_PER_EVENT, "evidence.errors.tooManySources"),
});
export type AddEventSourcesInput = z.infer<typeof addEventSourcesSchema>;
