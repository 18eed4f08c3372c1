import type { Source } from "@/db/schema";
import type { CitableSource } from "../citations/format";
import type { SourceKind } from "../domain/enums";

/**
 * What the public may know of a source. A public source is shown in full (it is citable); a
 * confidential one only as its kind and year ("Konfidentiell källa (intervju, 2020)"); an
 * internal one is not shown at all. This is the one place that decides it.
 */
export type PublicSource =
  | ({ visibility: "public" } & CitableSource)
  | { visibility: "confidential"; id: string; kind: SourceKind; year: number | null };

export interface PublicSourceUse {
  source: PublicSource;
  quote: string | null;
  page: string | null;
}

export function publicSource(s: Source): PublicSource | null {
  if (s.visibility === "internal") return null;
  if (s.visibility === "confidential") {
    const year = s.date ? Number(s.date.slice(0, 4)) : s.publishedOn ? Number(s.publishedOn.slice(0, 4)) : null;
    return { visibility: "confidential", id: s.id, kind: s.kind, year: s.datePrecision === "unknown" && !s.publishedOn ? null : year };
  }
  return {
    visibility: "public",
    id: s.id,
    kind: s.kind,
    citation: s.citation,
    title: s.title,
    body: s.body,
    meetingDate: s.meetingDate,
    paragraph: s.paragraph,
    diarienummer: s.diarienummer,
    correspondent: s.correspondent,
    interviewNumber: s.interviewNumber,
    interviewer: s.interviewer,
    outlet: s.outlet,
    author: s.author,
    issuer: s.issuer,
    date: s.date,
    datePrecision: s.datePrecision,
    publishedOn: s.publishedOn,
    url: s.url,
    retrievedOn: s.retrievedOn,
  };
}

/** A use of a source on a public page: internal sources dropped, a confidential one's quote and page too (they could name it). */
export function publicUse(u: { source: Source; quote: string | null; page: string | null }): PublicSourceUse | null {
  const source = publicSource(u.source);
  if (!source) return null;
  return source.visibility === "public" ? { source, quote: u.quote, page: u.page } : { source, quote: null, page: null };
}

export function publicUses(uses: readonly { source: Source; quote: string | null; page: string | null }[]): PublicSourceUse[] {
  return uses.flatMap((u) => {
    const p = publicUse(u);
    return p ? [p] : [];
  });
}
