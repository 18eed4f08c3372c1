// The closed vocabularies of the domain. The database enums (db/schema) and the
// zod schemas (lib/validation) are both built from these lists, so they cannot drift.

export const SWEDISH_ORG_KINDS = ["kommun", "region", "lansstyrelse"] as const;
export const ORG_KINDS = [...SWEDISH_ORG_KINDS, "foreign"] as const;
export type SwedishOrgKind = (typeof SWEDISH_ORG_KINDS)[number];
export type OrgKind = (typeof ORG_KINDS)[number];

/** Administrative level of a foreign (Chinese) party. */
export const FOREIGN_LEVELS = [
  "province",
  "autonomous_region",
  "municipality", // direct-administered municipality (直辖市), e.g. Shanghai, Tianjin
  "special_administrative_region",
  "prefecture_city",
  "autonomous_prefecture",
  "county_city",
  "county",
] as const;
export type ForeignLevel = (typeof FOREIGN_LEVELS)[number];

export const AGREEMENT_KINDS = ["twin_city", "partnership", "other"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const EVENT_STATUSES = [
  "active", // established / in force and active
  "dormant", // vilande: in force, no activity
  "paused", // pausat: actively paused by decision
  "terminated", // avslutat
  "terminated_by_counterpart", // avslutat av motparten
  "partially_terminated", // delvis avslutat
  "expired", // löpt ut / inte förlängt
  "resumed", // återupptaget
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Statuses that end an agreement. */
export const ENDING_STATUSES: readonly EventStatus[] = ["terminated", "terminated_by_counterpart", "expired"];

export const DATE_PRECISIONS = ["day", "month", "year", "unknown"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const REASONS = ["human_rights", "chinese_state_conduct", "lack_of_activity", "other"] as const;
export type Reason = (typeof REASONS)[number];

export const INITIATORS = ["swedish_side", "counterpart", "both", "unknown"] as const;
export type Initiator = (typeof INITIATORS)[number];

export const SOURCE_KINDS = [
  "protocol", // sammanträdesprotokoll
  "email", // mejlkorrespondens
  "interview",
  "article", // media article
  "official_document",
  "web_page",
  "publication", // report, book, study
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ROLES = ["admin", "analyst", "reviewer", "municipal_official"] as const;
export type Role = (typeof ROLES)[number];
