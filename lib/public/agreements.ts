import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { getAgreement } from "../agreements/get";
import { queryAgreements, type AgreementListRow, type AgreementPage } from "../agreements/list";
import type { AgreementQuery } from "../agreements/query-params";
import type { AgreementKind, DatePrecision, EventStatus, ForeignLevel, Initiator, OrgKind, Reason } from "../domain/enums";
import type { AgreementState } from "../domain/status";
import { getEventHistory } from "../events/history";
import { listCounties, listProvinces } from "../organizations/list";
import { idPrefixOf, agreementSlug } from "./slug";
import { publicUses, type PublicSourceUse } from "./sources";

// The public register: agreements and their status events as the register holds them (proposals
// are not in these tables until a reviewer approves them), never notes, the names of the people
// who recorded or reviewed, discussions, or internal sources.

export interface PublicAgreementRow extends Omit<AgreementListRow, "sourceCount"> {
  slug: string;
  /** Always 0: the public table has no source count (it would count internal sources). */
  sourceCount: 0;
}

export interface PublicAgreementPage extends Omit<AgreementPage, "rows"> {
  rows: PublicAgreementRow[];
}

export function toPublicRow(r: AgreementListRow): PublicAgreementRow {
  return { ...r, sourceCount: 0, slug: agreementSlug({ id: r.id, kind: r.kind, swedishName: r.swedishName, foreignName: r.foreignName }) };
}

export async function searchPublicAgreements(db: Db, query: AgreementQuery): Promise<PublicAgreementPage> {
  const page = await queryAgreements(db, { ...query, sort: query.sort === "sources" ? "swedish" : query.sort });
  return { ...page, rows: page.rows.map(toPublicRow) };
}

export async function publicRegisterFilters(db: Db) {
  const [counties, provinces] = await Promise.all([listCounties(db), listProvinces(db)]);
  return { counties, provinces };
}

export interface PublicParty {
  id: string;
  name: string;
  nameNative: string | null;
  kind: OrgKind;
  level: ForeignLevel | null;
  officialCode: string | null;
}

export interface PublicEvent {
  id: string;
  status: EventStatus;
  effectiveOn: string | null;
  effectivePrecision: DatePrecision;
  reasons: Reason[];
  reasonOther: string | null;
  decidedBy: string | null;
  initiatedBy: Initiator;
  recordedAt: string;
  /** True when this event corrects an earlier one (the earlier one is not shown). */
  isCorrection: boolean;
  sources: PublicSourceUse[];
}

export interface PublicAgreement {
  id: string;
  slug: string;
  kind: AgreementKind;
  designation: string | null;
  establishedOn: string | null;
  establishedPrecision: DatePrecision;
  funding: string | null;
  areas: string[];
  swedish: PublicParty;
  countyName: string | null;
  foreign: PublicParty;
  foreignParents: PublicParty[];
  state: AgreementState | null;
  status: EventStatus | null;
  /** Live events (corrections applied), newest first. */
  events: PublicEvent[];
  sources: PublicSourceUse[];
  lastChangedAt: string;
}

const party = (o: { id: string; name: string; nameNative: string | null; kind: OrgKind; level: ForeignLevel | null; officialCode: string | null }): PublicParty => ({
  id: o.id,
  name: o.name,
  nameNative: o.nameNative,
  kind: o.kind,
  level: o.level,
  officialCode: o.officialCode,
});

/** The agreement a public address names (by the id prefix it ends with), or null. */
export async function findPublicAgreement(db: Db, slug: string): Promise<PublicAgreement | null> {
  const prefix = idPrefixOf(slug);
  if (!prefix) return null;
  const candidates = await queryRows<{ id: string }>(db, sql`SELECT id FROM agreements WHERE id::text LIKE ${`${prefix}%`} ORDER BY id LIMIT 5`);
  for (const c of candidates) {
    const a = await getPublicAgreement(db, c.id);
    if (a && (a.slug === slug || candidates.length === 1)) return a;
  }
  const first = candidates[0];
  return first ? getPublicAgreement(db, first.id) : null;
}

export async function getPublicAgreement(db: Db, id: string): Promise<PublicAgreement | null> {
  const a = await getAgreement(db, id);
  if (!a) return null;
  const history = await getEventHistory(db, id);
  const events: PublicEvent[] = history.entries
    .filter((e) => !e.supersededBy)
    .map((e) => ({
      id: e.id,
      status: e.status,
      effectiveOn: e.effectiveOn,
      effectivePrecision: e.effectivePrecision,
      reasons: e.reasons,
      reasonOther: e.reasonOther,
      decidedBy: e.decidedBy,
      initiatedBy: e.initiatedBy,
      recordedAt: e.recordedAt.toISOString(),
      isCorrection: e.supersedesId !== null,
      sources: publicUses(e.sources),
    }));
  const lastEvent = history.entries.reduce<Date | null>((m, e) => (!m || e.recordedAt > m ? e.recordedAt : m), null);
  const changed = lastEvent && lastEvent > a.agreement.updatedAt ? lastEvent : a.agreement.updatedAt;
  return {
    id: a.agreement.id,
    slug: agreementSlug({ id: a.agreement.id, kind: a.agreement.kind, swedishName: a.swedish.name, foreignName: a.foreign.name }),
    kind: a.agreement.kind,
    designation: a.agreement.designation,
    establishedOn: a.agreement.establishedOn,
    establishedPrecision: a.agreement.establishedPrecision,
    funding: a.agreement.funding,
    areas: a.agreement.areas,
    swedish: party(a.swedish),
    countyName: a.countyName,
    foreign: party(a.foreign),
    foreignParents: a.foreignParents.map(party),
    state: history.current?.state ?? null,
    status: history.current?.event.status ?? null,
    events,
    sources: publicUses(a.sources),
    lastChangedAt: changed.toISOString(),
  };
}
