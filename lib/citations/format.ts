import type { DatePrecision, SourceKind } from "../domain/enums";
import { formatReference, type CslLanguage } from "./engine";

// Citations of the register's records (an event, an agreement) naming the sources they rest on,
// as plain text (formatted by citation-js in APA style, lib/citations/engine.ts), BibTeX
// (biblatex-friendly) and CSL-JSON. Labels and the language come from the caller, so that the
// text follows the user's language.

export interface CitableSource {
  id: string;
  kind: SourceKind;
  citation: string;
  title: string | null;
  body: string | null;
  meetingDate: string | null;
  paragraph: string | null;
  diarienummer: string | null;
  correspondent: string | null;
  interviewNumber: number | null;
  interviewer: string | null;
  outlet: string | null;
  author: string | null;
  issuer: string | null;
  date: string | null;
  datePrecision: DatePrecision;
  publishedOn: string | null;
  url: string | null;
  retrievedOn: string | null;
}

export interface CitedUse {
  source: CitableSource;
  quote: string | null;
  page: string | null;
}

export interface CitableRecord {
  kind: "event" | "agreement";
  id: string;
  /** E.g. "Lidköping – Chengdu (vänortssamarbete): Avslutat, 2020". */
  title: string;
  /** Absolute address of the record. */
  url: string;
  /** The day the citation was taken, YYYY-MM-DD. */
  accessed: string;
  uses: CitedUse[];
}

export interface CitationLabels {
  /** The interface's language: the plain text's dates and words ("Hämtad", "u.å."). */
  language: CslLanguage;
  /** The register's name, as publisher. */
  publisher: string;
  /** "Protokoll" / "Minutes", the title of a meeting's protocol. */
  protocol: string;
  /** "Mejlkorrespondens med" / "E-mail correspondence with". */
  email: string;
  /** "Intervju nr" / "Interview no.". */
  interview: string;
  sources: string;
  /** "hämtad" / "retrieved". */
  retrieved: string;
  /** "s." / "p.". */
  page: string;
  /** "Källorna saknas" / "No sources": for an unconfirmed draft. */
  noSources: string;
}

interface SourceGroup {
  source: CitableSource;
  uses: { quote: string | null; page: string | null }[];
}

/** Each source once, in order of first use, with every page and quote it is cited for. */
function groupUses(uses: readonly CitedUse[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const u of uses) {
    const g = groups.get(u.source.id) ?? { source: u.source, uses: [] };
    if (u.page || u.quote) g.uses.push({ quote: u.quote, page: u.page });
    groups.set(u.source.id, g);
  }
  return [...groups.values()];
}

const sentence = (s: string) => (/[.!?”"]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

// ---- Plain text ------------------------------------------------------------------------------

/** A source with nothing but its reference text (as the report's footnotes give many) is cited by that text. */
function onlyText(s: CitableSource): boolean {
  return !s.title && !s.body && !s.author && !s.issuer && !s.outlet && !s.correspondent && s.interviewNumber == null && !s.url;
}

/**
 * A CSL item as the plain text shows it: without what APA would print twice ("Protokoll § 142
 * (protocol …)", "Intervju nr 31 (…; No. 31)", the register as author and again as publisher),
 * and with an e-mail as a letter and an interview as a document, which APA lists (personal
 * communications and unpublished interviews it leaves out of a reference list).
 */
function forText(item: CslItem): CslItem {
  const { note: _note, genre: _genre, ...rest } = item;
  if (rest.type === "interview") {
    delete rest.number;
    rest.type = "document"; // APA lists an interview as a document by its interviewer ("Intervju nr 31 (O. Shao). (2021).")
  }
  if (rest.type === "dataset") delete rest.publisher;
  if (rest.type === "personal_communication") Object.assign(rest, { type: "letter", author: rest.recipient });
  return rest;
}

function reference(g: SourceGroup, labels: CitationLabels): string {
  if (onlyText(g.source)) return sentence(g.source.citation);
  return formatReference(forText(cslSource({ source: g.source, uses: [] }, labels)), labels.language);
}

export function citePlainText(record: CitableRecord, labels: CitationLabels): string {
  const lines = [formatReference(forText(recordItem(record, labels, [])), labels.language)];
  const groups = groupUses(record.uses);
  if (groups.length === 0) {
    lines.push(labels.noSources);
    return lines.join("\n");
  }
  lines.push(`${labels.sources}:`);
  groups.forEach((g, i) => {
    const detail = g.uses
      .map((u) => [u.page ? `${labels.page} ${u.page}` : "", u.quote ? `”${u.quote}”` : ""].filter(Boolean).join(": "))
      .filter(Boolean);
    lines.push(`[${i + 1}] ${reference(g, labels)}${detail.length ? ` ${detail.join("; ")}` : ""}`);
  });
  return lines.join("\n");
}

// ---- Names and dates -----------------------------------------------------------------------

export interface PersonName {
  given: string;
  family: string;
}

/**
 * People in an author field ("Gustav Sundqvist, Frida Lindberg", "A och B"), or null when it
 * reads as one corporate or unparseable name, which is then kept whole.
 */
export function splitPersons(text: string | null): PersonName[] | null {
  if (!text) return null;
  const parts = text
    .split(/\s*(?:;|&|\band\b|\boch\b)\s*/)
    .flatMap((p) => p.split(/\s*,\s*/))
    .map((p) => p.trim())
    .filter(Boolean);
  const isPerson = (p: string) => /^(\p{Lu}[\p{L}'’-]*\.?\s+){1,3}\p{Lu}[\p{L}'’-]+$/u.test(p);
  if (parts.length === 0 || !parts.every(isPerson)) return null;
  return parts.map((p) => {
    const words = p.split(/\s+/);
    return { family: words[words.length - 1]!, given: words.slice(0, -1).join(" ") };
  });
}

function dateParts(on: string | null, precision: DatePrecision): number[] | null {
  if (!on || precision === "unknown") return null;
  const [y, m, d] = on.slice(0, 10).split("-").map(Number) as [number, number, number];
  return precision === "year" ? [y] : precision === "month" ? [y, m] : [y, m, d];
}

/** The date a source speaks from, at its precision. */
function sourceDate(s: CitableSource): number[] | null {
  if (s.kind === "protocol") return dateParts(s.meetingDate, "day");
  if (s.kind === "article") return dateParts(s.publishedOn, "day");
  return dateParts(s.date, s.datePrecision);
}

// ---- BibTeX --------------------------------------------------------------------------------

/** Escapes TeX's special characters in a field value (UTF-8 letters are kept as they are). */
export function bibEscape(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case "\\":
        return "\\textbackslash{}";
      case "~":
        return "\\textasciitilde{}";
      case "^":
        return "\\textasciicircum{}";
      default:
        return `\\${c}`;
    }
  });
}
/** URLs go verbatim, but a brace would end the field. */
const bibUrl = (url: string) => url.replace(/[{}\s]/g, encodeURIComponent);

export function bibKey(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/-/g, "").slice(0, 10)}`;
}

function bibEntry(type: string, key: string, fields: [string, string | null | undefined][]): string {
  const body = fields.filter(([, v]) => v != null && v !== "").map(([k, v]) => `  ${k} = {${v}}`);
  return `@${type}{${key},\n${body.join(",\n")}\n}`;
}

function bibNames(text: string | null): string | null {
  if (!text) return null;
  const persons = splitPersons(text);
  if (!persons) return `{${bibEscape(text)}}`; // a corporate name, kept whole
  return persons.map((p) => `${bibEscape(p.family)}, ${bibEscape(p.given)}`).join(" and ");
}

function bibDateFields(parts: number[] | null): [string, string | null][] {
  if (!parts) return [];
  const iso = [String(parts[0]).padStart(4, "0"), ...parts.slice(1).map((n) => String(n).padStart(2, "0"))].join("-");
  return [
    ["year", String(parts[0])],
    ["date", iso],
  ];
}

function bibSource(g: SourceGroup, labels: CitationLabels): string {
  const s = g.source;
  const key = bibKey("source", s.id);
  const pages = g.uses.map((u) => u.page).filter(Boolean);
  const note = [
    s.kind === "protocol" ? [s.paragraph, s.diarienummer ? `dnr ${s.diarienummer}` : null].filter(Boolean).join(", ") : null,
    s.kind === "official_document" && s.diarienummer ? `dnr ${s.diarienummer}` : null,
    pages.length ? `${labels.page} ${pages.join("; ")}` : null,
  ]
    .filter(Boolean)
    .join(". ");
  const common: [string, string | null | undefined][] = [
    ...bibDateFields(sourceDate(s)),
    ["url", s.url ? bibUrl(s.url) : null],
    ["urldate", s.retrievedOn],
    ["note", note ? bibEscape(note) : null],
  ];
  const title = (t: string | null) => (t ? `{${bibEscape(t)}}` : `{${bibEscape(s.citation)}}`);
  switch (s.kind) {
    case "article":
      return bibEntry("article", key, [["author", bibNames(s.author)], ["title", title(s.title)], ["journal", s.outlet ? bibEscape(s.outlet) : null], ...common]);
    case "publication":
      return bibEntry(s.issuer ? "techreport" : "book", key, [
        ["author", bibNames(s.author)],
        ["title", title(s.title)],
        [s.issuer ? "institution" : "publisher", s.issuer ? bibEscape(s.issuer) : null],
        ...common,
      ]);
    case "web_page":
      return bibEntry("online", key, [["title", title(s.title)], ["howpublished", s.url ? `\\url{${bibUrl(s.url)}}` : null], ...common]);
    case "official_document":
      return bibEntry("misc", key, [["author", bibNames(s.issuer)], ["title", title(s.title)], ...common]);
    case "protocol":
      return bibEntry("misc", key, [["author", bibNames(s.body)], ["title", title(s.title)], ...common]);
    case "email":
    case "interview":
      return bibEntry("misc", key, [["title", title(null)], ["howpublished", bibEscape(s.kind === "email" ? (s.correspondent ?? "") : (s.interviewer ?? ""))], ...common]);
  }
}

export function citeBibtex(record: CitableRecord, labels: CitationLabels): string {
  const groups = groupUses(record.uses);
  const keys = groups.map((g) => bibKey("source", g.source.id));
  const year = record.accessed.slice(0, 4);
  const main = bibEntry("misc", bibKey(`avtalsregistret-${record.kind}`, record.id), [
    ["author", `{${bibEscape(labels.publisher)}}`],
    ["title", `{${bibEscape(record.title)}}`],
    ["year", year],
    ["howpublished", `\\url{${bibUrl(record.url)}}`],
    ["url", bibUrl(record.url)],
    ["urldate", record.accessed],
    ["note", keys.length ? `${bibEscape(labels.sources)}: ${keys.map((k) => `\\cite{${k}}`).join(", ")}` : bibEscape(labels.noSources)],
    ["related", keys.length ? keys.join(",") : null],
  ]);
  return [main, ...groups.map((g) => bibSource(g, labels))].join("\n\n") + "\n";
}

// ---- CSL-JSON ------------------------------------------------------------------------------

type CslName = { family: string; given: string } | { literal: string };
type CslDate = { "date-parts": number[][] };
export type CslItem = Record<string, string | number | CslName[] | CslDate | undefined>;

function cslNames(text: string | null): CslName[] | undefined {
  if (!text) return undefined;
  return splitPersons(text) ?? [{ literal: text }];
}
const cslDate = (parts: number[] | null): CslDate | undefined => (parts ? { "date-parts": [parts] } : undefined);
const isoParts = (iso: string | null) => (iso ? dateParts(iso, "day") : null);

function cslSource(g: SourceGroup, labels: CitationLabels): CslItem {
  const s = g.source;
  const note = g.uses
    .map((u) => [u.page ? `${labels.page} ${u.page}` : "", u.quote ? `”${u.quote}”` : ""].filter(Boolean).join(": "))
    .filter(Boolean)
    .join("; ");
  const item: CslItem = {
    id: bibKey("source", s.id),
    title: s.title ?? s.citation,
    issued: cslDate(sourceDate(s)),
    URL: s.url ?? undefined,
    accessed: cslDate(isoParts(s.retrievedOn)),
    note: note || undefined,
  };
  switch (s.kind) {
    case "protocol":
      Object.assign(item, {
        type: "document",
        title: [[labels.protocol, s.paragraph].filter(Boolean).join(" "), s.title].filter(Boolean).join(": "),
        author: cslNames(s.body),
        number: s.diarienummer ?? undefined,
        section: s.paragraph ?? undefined,
        genre: "protocol",
      });
      break;
    case "email":
      Object.assign(item, {
        type: "personal_communication",
        title: [`${labels.email} ${s.correspondent ?? ""}`.trim(), s.title].filter(Boolean).join(": "),
        recipient: cslNames(s.correspondent),
        medium: "email",
      });
      break;
    case "interview":
      Object.assign(item, {
        type: "interview",
        title: s.interviewNumber != null ? `${labels.interview} ${s.interviewNumber}` : s.citation,
        interviewer: cslNames(s.interviewer),
        number: s.interviewNumber ?? undefined,
      });
      break;
    case "article":
      Object.assign(item, { type: "article-newspaper", author: cslNames(s.author), "container-title": s.outlet ?? undefined });
      break;
    case "official_document":
      Object.assign(item, { type: "document", author: cslNames(s.issuer), publisher: s.issuer ?? undefined, number: s.diarienummer ?? undefined });
      break;
    case "web_page":
      Object.assign(item, { type: "webpage" });
      break;
    case "publication":
      Object.assign(item, { type: "report", author: cslNames(s.author), publisher: s.issuer ?? undefined });
      break;
  }
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as CslItem;
}

/** The record itself as a CSL item: the register as author and publisher, the record's address, the day it was cited. */
function recordItem(record: CitableRecord, labels: CitationLabels, sourceIds: string[]): CslItem {
  return {
    id: bibKey(`avtalsregistret-${record.kind}`, record.id),
    type: "dataset",
    title: record.title,
    author: [{ literal: labels.publisher }],
    publisher: labels.publisher,
    URL: record.url,
    accessed: cslDate(isoParts(record.accessed)),
    issued: cslDate(isoParts(record.accessed)?.slice(0, 1) ?? null),
    note: sourceIds.length ? `${labels.sources}: ${sourceIds.join(", ")}` : labels.noSources,
  };
}

export function citeCslJson(record: CitableRecord, labels: CitationLabels): string {
  const sources = groupUses(record.uses).map((g) => cslSource(g, labels));
  const main = recordItem(record, labels, sources.map((s) => String(s.id)));
  return JSON.stringify([main, ...sources], null, 2);
}

export const CITATION_FORMATS = ["text", "bibtex", "csl"] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export function cite(record: CitableRecord, format: CitationFormat, labels: CitationLabels): string {
  if (format === "bibtex") return citeBibtex(record, labels);
  if (format === "csl") return citeCslJson(record, labels);
  return citePlainText(record, labels);
}
