import { z } from "zod";
import { multilineText } from "./text";
import { SOURCE_KINDS, type SourceKind } from "../domain/enums";
import { knownPartialDateInputSchema, optionalDaySchema, partialDateInputSchema } from "./partial-date-input";

// One schema per source kind, shared by the source form, the status-change form and the server.
// Text fields are strings ("" when absent); each kind requires what the database's check
// constraints require, and a little more where a reader needs it (an email's date).

const text = (max: number) => multilineText(max, "sources.errors.tooLong");
const required = (max: number, key: string) => multilineText(max, "sources.errors.tooLong").pipe(z.string().min(1, key));

/** An http(s) address, or "" when absent. */
const optionalUrl = z
  .string()
  .trim()
  .max(2000, "sources.errors.tooLong")
  .refine((v) => v === "" || isHttpUrl(v), "sources.errors.url");
const requiredUrl = z
  .string()
  .trim()
  .min(1, "sources.errors.urlRequired")
  .max(2000, "sources.errors.tooLong")
  .refine((v) => v === "" || isHttpUrl(v), "sources.errors.url");

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Fields every kind has. `citation` may be left empty: it is then composed from the kind's fields. */
const common = {
  citation: text(2000),
  title: text(500),
  url: optionalUrl,
  retrievedOn: optionalDaySchema,
};

export const protocolSourceSchema = z.object({
  kind: z.literal("protocol"),
  ...common,
  body: required(300, "sources.errors.bodyRequired"),
  meetingDate: optionalDaySchema,
  paragraph: text(50),
  diarienummer: text(100),
});
export const emailSourceSchema = z.object({
  kind: z.literal("email"),
  ...common,
  correspondent: required(300, "sources.errors.correspondentRequired"),
  date: knownPartialDateInputSchema,
});
export const interviewSourceSchema = z.object({
  kind: z.literal("interview"),
  ...common,
  interviewNumber: z
    .string()
    .trim()
    .min(1, "sources.errors.interviewNumberRequired")
    .regex(/^[1-9]\d{0,5}$/, "sources.errors.interviewNumber"),
  interviewer: required(300, "sources.errors.interviewerRequired"),
  date: knownPartialDateInputSchema,
});
export const articleSourceSchema = z.object({
  kind: z.literal("article"),
  ...common,
  title: required(500, "sources.errors.titleRequired"),
  outlet: required(300, "sources.errors.outletRequired"),
  author: text(300),
  publishedOn: optionalDaySchema,
});
export const officialDocumentSourceSchema = z.object({
  kind: z.literal("official_document"),
  ...common,
  title: required(500, "sources.errors.titleRequired"),
  issuer: required(300, "sources.errors.issuerRequired"),
  diarienummer: text(100),
  date: partialDateInputSchema,
});
export const webPageSourceSchema = z.object({
  kind: z.literal("web_page"),
  ...common,
  url: requiredUrl,
});
export const publicationSourceSchema = z.object({
  kind: z.literal("publication"),
  ...common,
  title: required(500, "sources.errors.titleRequired"),
  author: text(300),
  issuer: text(300),
  date: partialDateInputSchema,
});

const kindSchema = z.discriminatedUnion(
  "kind",
  [
    protocolSourceSchema,
    emailSourceSchema,
    interviewSourceSchema,
    articleSourceSchema,
    officialDocumentSourceSchema,
    webPageSourceSchema,
    publicationSourceSchema,
  ],
  { error: "sources.errors.kindRequired" },
);

/** A source as entered: its kind and that kind's fields. */
export const sourceInputSchema = kindSchema.superRefine((s, ctx) => {
  if (s.retrievedOn !== "" && s.url === "") ctx.addIssue({ code: "custom", path: ["retrievedOn"], message: "sources.errors.retrievedNeedsUrl" });
});
export type SourceInput = z.infer<typeof sourceInputSchema>;

export const createSourceSchema = z.object({
  source: sourceInputSchema,
  /** The user has seen the possible duplicates and says this is a different source. */
  allowDuplicate: z.boolean().default(false),
});
export type CreateSourceInput = z.input<typeof createSourceSchema>;

export const updateSourceSchema = z.object({
  id: z.uuid(),
  /** The version the edit was based on; a stale edit is refused. */
  version: z.number().int().positive(),
  source: sourceInputSchema,
  reason: text(1000),
});
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;

/** Every field any kind has, as the form keeps them while the user switches kind. */
export function emptySourceInput(kind: SourceKind = "protocol"): Record<string, unknown> & { kind: SourceKind } {
  return {
    kind,
    citation: "",
    title: "",
    url: "",
    retrievedOn: "",
    body: "",
    meetingDate: "",
    paragraph: "",
    diarienummer: "",
    correspondent: "",
    interviewNumber: "",
    interviewer: "",
    outlet: "",
    author: "",
    publishedOn: "",
    issuer: "",
    date: { precision: kind === "email" || kind === "interview" ? "day" : "unknown", value: "" },
  };
}

/** The fields a kind shows in the form, in order (common fields first). */
export const SOURCE_KIND_FIELDS: Record<SourceKind, readonly string[]> = {
  protocol: ["body", "meetingDate", "paragraph", "diarienummer", "title", "url", "retrievedOn"],
  email: ["correspondent", "date", "title"],
  interview: ["interviewNumber", "date", "interviewer"],
  article: ["outlet", "title", "author", "publishedOn", "url", "retrievedOn"],
  official_document: ["issuer", "title", "date", "diarienummer", "url", "retrievedOn"],
  web_page: ["url", "title", "retrievedOn"],
  publication: ["title", "author", "issuer", "date", "url", "retrievedOn"],
};

export const SOURCE_SEARCH_KINDS = SOURCE_KINDS;
