import type { AgreementKind, DatePrecision, EventStatus } from "../domain/enums";
import { cite, CITATION_FORMATS, type CitableRecord, type CitationFormat, type CitationLabels, type CitedUse } from "./format";

export type CitationTexts = Record<CitationFormat, string>;

export interface CitationContext {
  origin: string;
  accessed: string;
  agreementId: string;
  /** "Lidköping – Chengdu". */
  agreementTitle: string;
  kindLabel: string;
  labels: CitationLabels;
}

/** The three formats of one record. */
export function citationTexts(record: CitableRecord, labels: CitationLabels): CitationTexts {
  return Object.fromEntries(CITATION_FORMATS.map((f) => [f, cite(record, f, labels)])) as CitationTexts;
}

export function eventCitation(
  ctx: CitationContext,
  event: { id: string; status: EventStatus; effectiveOn: string | null; effectivePrecision: DatePrecision; uses: CitedUse[] },
  statusLabel: string,
  dateLabel: string,
): CitationTexts {
  return citationTexts(
    {
      kind: "event",
      id: event.id,
      title: `${ctx.agreementTitle} (${ctx.kindLabel}): ${statusLabel}, ${dateLabel}`,
      url: `${ctx.origin}/agreements/${ctx.agreementId}#event-${event.id}`,
      accessed: ctx.accessed,
      uses: event.uses,
    },
    ctx.labels,
  );
}

export function agreementCitation(ctx: CitationContext, uses: CitedUse[]): CitationTexts {
  return citationTexts(
    { kind: "agreement", id: ctx.agreementId, title: `${ctx.agreementTitle} (${ctx.kindLabel})`, url: `${ctx.origin}/agreements/${ctx.agreementId}`, accessed: ctx.accessed, uses },
    ctx.labels,
  );
}

export type { AgreementKind };
