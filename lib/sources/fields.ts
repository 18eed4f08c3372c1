import type { NewSource, Source } from "@/db/schema";
import type { SourceKind } from "../domain/enums";
import { fromPartialDate, toPartialDate, type PartialDateInput } from "../validation/partial-date-input";
import { emptySourceInput, type SourceInput } from "../validation/sources";

/** The kind-specific columns of a source; the others are null. */
export type SourceColumns = Pick<
  NewSource,
  | "kind"
  | "citation"
  | "title"
  | "body"
  | "meetingDate"
  | "paragraph"
  | "diarienummer"
  | "correspondent"
  | "interviewNumber"
  | "interviewer"
  | "outlet"
  | "author"
  | "issuer"
  | "date"
  | "datePrecision"
  | "publishedOn"
  | "url"
  | "retrievedOn"
>;

const orNull = (v: string | undefined) => (v === undefined || v.trim() === "" ? null : v.trim());

/** The row a validated input becomes: every column named, those of other kinds null. */
export function sourceColumns(input: SourceInput): SourceColumns {
  const date = "date" in input ? toPartialDate(input.date) : { on: null, precision: "unknown" as const };
  const columns: SourceColumns = {
    kind: input.kind,
    citation: "",
    title: orNull(input.title),
    body: input.kind === "protocol" ? input.body : null,
    meetingDate: input.kind === "protocol" ? orNull(input.meetingDate) : null,
    paragraph: input.kind === "protocol" ? orNull(input.paragraph) : null,
    diarienummer: input.kind === "protocol" || input.kind === "official_document" ? orNull(input.diarienummer) : null,
    correspondent: input.kind === "email" ? input.correspondent : null,
    interviewNumber: input.kind === "interview" ? Number(input.interviewNumber) : null,
    interviewer: input.kind === "interview" ? input.interviewer : null,
    outlet: input.kind === "article" ? input.outlet : null,
    author: input.kind === "article" || input.kind === "publication" ? orNull(input.author) : null,
    issuer: input.kind === "official_document" || input.kind === "publication" ? orNull(input.issuer) : null,
    date: date.on,
    datePrecision: date.precision,
    publishedOn: input.kind === "article" ? orNull(input.publishedOn) : null,
    url: orNull(input.url),
    retrievedOn: orNull(input.retrievedOn),
  };
  columns.citation = orNull(input.citation) ?? composeCitation(columns);
  return columns;
}

function dateText(on: string | null | undefined, precision: string | null | undefined): string {
  if (!on || precision === "unknown") return "";
  return on.slice(0, precision === "year" ? 4 : precision === "month" ? 7 : 10);
}

/** A reference in the report's own style, for a source entered without one. */
export function composeCitation(s: SourceColumns): string {
  const date = dateText(s.date, s.datePrecision);
  const web = [s.url, s.retrievedOn ? `(Hämtad: ${s.retrievedOn})` : ""].filter(Boolean).join(" ");
  const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim() !== "").join(", ");
  const sentence = (text: string) => (text === "" ? "" : /[.!?]$/.test(text) ? text : `${text}.`);
  let main: string;
  switch (s.kind) {
    case "protocol":
      main = `${sentence(s.body ?? "")} ${sentence(join(`Protokoll${s.meetingDate ? ` ${s.meetingDate}` : ""}`, s.paragraph, s.diarienummer ? `dnr ${s.diarienummer}` : ""))}`;
      if (s.title) main += ` ${sentence(s.title)}`;
      break;
    case "email":
      main = sentence(join(`Mejlkorrespondens med ${s.correspondent}`, date, s.title ? `”${s.title}”` : ""));
      break;
    case "interview":
      main = sentence(join(`Intervju nr ${s.interviewNumber}`, date, s.interviewer ? `intervjuare: ${s.interviewer}` : ""));
      break;
    case "article":
      main = [sentence(s.author ?? ""), sentence(s.title ?? ""), sentence(join(s.outlet, s.publishedOn))].filter(Boolean).join(" ");
      break;
    case "official_document":
      main = [sentence(s.issuer ?? ""), sentence(join(s.title, date, s.diarienummer ? `dnr ${s.diarienummer}` : ""))].filter(Boolean).join(" ");
      break;
    case "web_page":
      main = sentence(s.title ?? "");
      break;
    case "publication":
      main = [sentence(s.author ?? ""), date ? sentence(date.slice(0, 4)) : "", sentence(s.title ?? ""), sentence(s.issuer ?? "")].filter(Boolean).join(" ");
      break;
  }
  return [main.trim(), web].filter(Boolean).join(" ").trim();
}

/** A stored source as the form edits it. */
export function sourceToInput(source: Source): SourceInput {
  const base = emptySourceInput(source.kind) as Record<string, unknown>;
  const v = (x: string | number | null) => (x == null ? "" : String(x));
  const date: PartialDateInput = fromPartialDate({ on: source.date, precision: source.datePrecision });
  const all: Record<string, unknown> = {
    ...base,
    kind: source.kind,
    citation: source.citation,
    title: v(source.title),
    url: v(source.url),
    retrievedOn: v(source.retrievedOn),
    body: v(source.body),
    meetingDate: v(source.meetingDate),
    paragraph: v(source.paragraph),
    diarienummer: v(source.diarienummer),
    correspondent: v(source.correspondent),
    interviewNumber: v(source.interviewNumber),
    interviewer: v(source.interviewer),
    outlet: v(source.outlet),
    author: v(source.author),
    publishedOn: v(source.publishedOn),
    issuer: v(source.issuer),
    date,
  };
  return all as SourceInput;
}

/** The display title of a source in lists: its title, or the start of its reference. */
export function sourceLabel(source: { title: string | null; citation: string; kind: SourceKind }): string {
  return source.title ?? (source.citation.length > 140 ? `${source.citation.slice(0, 137)}…` : source.citation);
}
