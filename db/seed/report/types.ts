import type {
  AgreementKind,
  EventStatus,
  ForeignLevel,
  Initiator,
  Reason,
  SourceKind,
  SwedishOrgKind,
} from "@/lib/domain/enums";

/**
 * A date as precise as the source gives it: "2019", "2019-12" or "2019-12-10".
 * `null` means the source does not say when ("oklart när").
 */
export type PartialDateString = string | null;

/** A Swedish party, identified by its official code from the SCB code lists. */
export interface SwedishPartyRef {
  kind: SwedishOrgKind;
  /** Kommun: the four-digit municipality code. Region and länsstyrelse: the two-digit county code. */
  code: string;
}

export interface SeedForeignOrg {
  /** Stable key used by agreements in this dataset, e.g. "cn-wuhan". */
  key: string;
  nameLatin: string;
  /** Name in native script, e.g. "武汉市". */
  nameNative: string;
  level: ForeignLevel;
  /** Key of the parent organisation (a province, an autonomous region, a prefecture-level city). */
  parentKey?: string;
  countryCode: "CN";
}

interface SeedSourceBase {
  key: string;
  kind: SourceKind;
  /** The full reference as the report gives it (the footnote text), for display and citation. */
  citation: string;
  title?: string;
  url?: string;
  /** ISO date the URL was retrieved ("Hämtad"). */
  retrievedOn?: string;
  /** Report footnote numbers this source comes from. */
  footnotes?: number[];
}

export interface SeedProtocolSource extends SeedSourceBase {
  kind: "protocol";
  body: string; // e.g. "Kommunfullmäktige, Borlänge kommun"
  meetingDate?: string;
  paragraph?: string; // "§211"
  diarienummer?: string;
}
export interface SeedEmailSource extends SeedSourceBase {
  kind: "email";
  correspondent: string; // with whom
  date: string;
}
export interface SeedInterviewSource extends SeedSourceBase {
  kind: "interview";
  interviewNumber: number;
  date: string;
  interviewer: string;
}
export interface SeedArticleSource extends SeedSourceBase {
  kind: "article";
  outlet: string;
  title: string;
  author?: string;
  publishedOn?: string;
}
export interface SeedOfficialDocumentSource extends SeedSourceBase {
  kind: "official_document";
  issuer: string;
  title: string;
  date?: string;
  diarienummer?: string;
}
export interface SeedWebPageSource extends SeedSourceBase {
  kind: "web_page";
  url: string;
}
export interface SeedPublicationSource extends SeedSourceBase {
  kind: "publication";
  title: string;
  author?: string;
  issuer?: string;
  date?: string;
}

export type SeedSource =
  | SeedProtocolSource
  | SeedEmailSource
  | SeedInterviewSource
  | SeedArticleSource
  | SeedOfficialDocumentSource
  | SeedWebPageSource
  | SeedPublicationSource;

/** A use of a source as evidence, with an optional quote and page. */
export interface SeedCitation {
  source: string; // SeedSource.key
  quote?: string;
  page?: string;
}

export interface SeedEvent {
  status: EventStatus;
  date: PartialDateString;
  reasons?: Reason[];
  reasonOther?: string;
  decidedBy?: string;
  initiatedBy: Initiator;
  note?: string;
  /** At least one: every seeded event names its evidence (the appendix at the least). */
  sources: SeedCitation[];
}

export interface SeedAgreement {
  /** Stable key, e.g. "borlange-wuhan-twin". Seeding derives the row id from it, so re-seeding is idempotent. */
  key: string;
  swedish: SwedishPartyRef;
  foreign: string; // SeedForeignOrg.key
  kind: AgreementKind;
  /** Official designation as the agreement names it, e.g. "friendship-province", "samarbetsavtal". */
  designation?: string;
  established: PartialDateString;
  funding?: string;
  areas?: string[];
  notes?: string;
  /** Sources about the agreement as a whole (not about one status change). */
  sources?: SeedCitation[];
  /** Status history, oldest first; the first event is the establishment ("active"). */
  events: SeedEvent[];
}
