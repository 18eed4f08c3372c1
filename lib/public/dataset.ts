import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { PROVINCE_LEVELS } from "../agreements/list";
import { currentStatusSubquery } from "../events/current-status-sql";
import { stateAfter } from "../domain/status";
import type { EventStatus } from "../domain/enums";
import { partialDateToString } from "../domain/partial-date";
import type { DatePrecision } from "../domain/enums";
import { agreementSlug, organisationSlug } from "./slug";

// The open data: every public table, as rows of plain values (codes, ISO dates), with a
// Frictionless table schema each. The same tables feed the CSV, XLSX and JSON files, the data
// package and the releases, so that what the files hold and what the package says cannot differ.

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface FieldDef {
  name: string;
  type: "string" | "integer" | "date" | "datetime";
  format?: "uuid" | "uri";
  description: string;
  required?: boolean;
  enum?: readonly string[];
}

export interface TableDef {
  name: "agreements" | "events" | "sources" | "evidence" | "organisations";
  title: string;
  description: string;
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  fields: FieldDef[];
}

export interface Table extends TableDef {
  rows: Row[];
}

const PRECISION = ["day", "month", "year", "unknown"] as const;

export const TABLES: TableDef[] = [
  {
    name: "agreements",
    title: "Avtal / Agreements",
    description: "One row per agreement between a Swedish and a Chinese party, with its current status derived from its events.",
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["swedish_party_id"], reference: { resource: "organisations", fields: ["id"] } },
      { fields: ["foreign_party_id"], reference: { resource: "organisations", fields: ["id"] } },
    ],
    fields: [
      { name: "id", type: "string", format: "uuid", description: "Stable identifier", required: true },
      { name: "url", type: "string", format: "uri", description: "The agreement's public page" },
      { name: "swedish_party_id", type: "string", format: "uuid", description: "The Swedish party (organisations.id)", required: true },
      { name: "swedish_party", type: "string", description: "Name of the Swedish party", required: true },
      { name: "swedish_party_code", type: "string", description: "SCB code of the Swedish party" },
      { name: "swedish_party_kind", type: "string", description: "kommun, region or lansstyrelse" },
      { name: "county", type: "string", description: "County (län) of the Swedish party" },
      { name: "foreign_party_id", type: "string", format: "uuid", description: "The foreign party (organisations.id)", required: true },
      { name: "foreign_party", type: "string", description: "Name of the foreign party (Latin script)", required: true },
      { name: "foreign_party_native", type: "string", description: "Name in Chinese characters" },
      { name: "foreign_party_level", type: "string", description: "Administrative level of the foreign party" },
      { name: "foreign_party_province", type: "string", description: "The province the foreign party lies in (or is)" },
      { name: "kind", type: "string", description: "twin_city (vänort) or partnership (kommunalt partnerskap)", required: true, enum: ["twin_city", "partnership", "other"] },
      { name: "designation", type: "string", description: "The agreement's official designation" },
      { name: "established", type: "string", description: "When it was established, to the precision known: YYYY, YYYY-MM or YYYY-MM-DD" },
      { name: "established_precision", type: "string", description: "day, month, year or unknown", enum: PRECISION },
      { name: "funding", type: "string", description: "Funding, e.g. ICLD" },
      { name: "areas", type: "string", description: "Areas of cooperation, separated by '; '" },
      { name: "status", type: "string", description: "The status of its latest event (empty: no event recorded)" },
      { name: "state", type: "string", description: "The state that status means: active, dormant, paused, partially_terminated or ended" },
      { name: "status_date", type: "string", description: "When the latest status took effect, to the precision known" },
      { name: "last_changed", type: "datetime", description: "When the agreement or its events last changed (UTC)", required: true },
    ],
  },
  {
    name: "events",
    title: "Statushändelser / Status events",
    description: "The append-only log of status changes. A correction supersedes an earlier event (supersedes_id); the current status is the last event that is not superseded.",
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["agreement_id"], reference: { resource: "agreements", fields: ["id"] } }],
    fields: [
      { name: "id", type: "string", format: "uuid", description: "Stable identifier", required: true },
      { name: "agreement_id", type: "string", format: "uuid", description: "The agreement (agreements.id)", required: true },
      { name: "status", type: "string", description: "The status the agreement entered", required: true },
      { name: "effective", type: "string", description: "When it took effect, to the precision known: YYYY, YYYY-MM or YYYY-MM-DD (empty: unknown)" },
      { name: "effective_precision", type: "string", description: "day, month, year or unknown", required: true, enum: PRECISION },
      { name: "reasons", type: "string", description: "Reasons, separated by '; '" },
      { name: "reason_other", type: "string", description: "The reason, when it is 'other'" },
      { name: "decided_by", type: "string", description: "The body that decided it" },
      { name: "initiated_by", type: "string", description: "swedish_side, counterpart, both or unknown" },
      { name: "recorded_at", type: "datetime", description: "When it was recorded in the register (UTC)", required: true },
      { name: "supersedes_id", type: "string", format: "uuid", description: "The event this one corrects" },
      { name: "superseded", type: "string", description: "yes when a later correction replaces this event", enum: ["yes", "no"] },
    ],
  },
  {
    name: "sources",
    title: "Källor / Sources",
    description: "The evidence behind agreements and events. Confidential sources are given by kind and year only; internal sources are not published.",
    primaryKey: ["id"],
    fields: [
      { name: "id", type: "string", format: "uuid", description: "Stable identifier", required: true },
      { name: "visibility", type: "string", description: "public, or confidential (only kind and year are published)", required: true, enum: ["public", "confidential"] },
      { name: "kind", type: "string", description: "protocol, email, interview, article, official_document, web_page or publication", required: true },
      { name: "year", type: "integer", description: "Year of the source" },
      { name: "citation", type: "string", description: "The full reference" },
      { name: "title", type: "string", description: "Title" },
      { name: "author", type: "string", description: "Author" },
      { name: "outlet", type: "string", description: "Newspaper or outlet" },
      { name: "issuer", type: "string", description: "Issuing body" },
      { name: "body", type: "string", description: "The body whose meeting a protocol records" },
      { name: "paragraph", type: "string", description: "Paragraph (§) of a protocol" },
      { name: "diarienummer", type: "string", description: "Registration number" },
      { name: "date", type: "string", description: "Date of the source, to the precision known" },
      { name: "published_on", type: "date", description: "Publication date" },
      { name: "url", type: "string", description: "Address" },
      { name: "retrieved_on", type: "date", description: "When the address was retrieved" },
    ],
  },
  {
    name: "evidence",
    title: "Belägg / Evidence",
    description: "Which source supports which agreement or event, with page and quote (not for confidential sources).",
    foreignKeys: [{ fields: ["source_id"], reference: { resource: "sources", fields: ["id"] } }],
    fields: [
      { name: "source_id", type: "string", format: "uuid", description: "The source (sources.id)", required: true },
      { name: "record_type", type: "string", description: "agreement or event", required: true, enum: ["agreement", "event"] },
      { name: "record_id", type: "string", format: "uuid", description: "agreements.id or events.id", required: true },
      { name: "page", type: "string", description: "Page" },
      { name: "quote", type: "string", description: "The passage the record rests on" },
    ],
  },
  {
    name: "organisations",
    title: "Organisationer / Organisations",
    description: "The parties: Swedish municipalities, regions and county administrative boards, and foreign parties with their level and parent.",
    primaryKey: ["id"],
    fields: [
      { name: "id", type: "string", format: "uuid", description: "Stable identifier", required: true },
      { name: "url", type: "string", format: "uri", description: "The organisation's public page" },
      { name: "kind", type: "string", description: "kommun, region, lansstyrelse or foreign", required: true },
      { name: "name", type: "string", description: "Name", required: true },
      { name: "name_native", type: "string", description: "Name in Chinese characters" },
      { name: "official_code", type: "string", description: "SCB code (Swedish parties)" },
      { name: "county", type: "string", description: "County (Swedish parties)" },
      { name: "level", type: "string", description: "Administrative level (foreign parties)" },
      { name: "parent_id", type: "string", format: "uuid", description: "The parent organisation (e.g. a city's province)" },
      { name: "country_code", type: "string", description: "ISO 3166-1 alpha-2", required: true },
    ],
  },
];

type Maybe = string | null | undefined;
const date = (on: Maybe, precision: DatePrecision | null | undefined) => (on ? partialDateToString({ on, precision: precision ?? "unknown" }) : null);
const join = (values: readonly string[] | null | undefined) => (values && values.length > 0 ? values.join("; ") : null);
const PROVINCES = sql.raw(PROVINCE_LEVELS.map((l) => `'${l}'`).join(", "));

/** Every public table as it stands now. `origin` makes the public pages' addresses absolute. */
export async function publicTables(db: Db, origin: string): Promise<Table[]> {
  const [agreements, events, sources, evidence, organisations] = await Promise.all([
    queryRows<Record<string, string | null> & { areas: string[] | null }>(
      db,
      sql`WITH RECURSIVE chain AS (
            SELECT o.id AS org_id, o.id, o.parent_id, o.name, o.level, 0 AS depth FROM organizations o WHERE o.kind = 'foreign'
            UNION ALL SELECT chain.org_id, p.id, p.parent_id, p.name, p.level, chain.depth + 1
            FROM chain JOIN organizations p ON p.id = chain.parent_id WHERE chain.depth < 6
          ),
          prov AS (SELECT DISTINCT ON (org_id) org_id, name FROM chain WHERE level IN (${PROVINCES}) ORDER BY org_id, depth),
          last_event AS (SELECT agreement_id, max(recorded_at) AS at FROM status_events GROUP BY agreement_id)
          SELECT a.id, s.id AS swedish_party_id, s.name AS swedish_party, s.official_code AS swedish_party_code, s.kind AS swedish_party_kind,
            c.name AS county, f.id AS foreign_party_id, f.name AS foreign_party, f.name_native AS foreign_party_native,
            f.level AS foreign_party_level, prov.name AS foreign_party_province, a.kind, a.designation,
            a.established_on::text AS established_on, a.established_precision, a.funding, a.areas,
            cs.status, cs.effective_on::text AS status_on, cs.effective_precision AS status_precision,
            to_char(greatest(a.updated_at, last_event.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_changed
          FROM agreements a
          JOIN organizations s ON s.id = a.swedish_org_id
          LEFT JOIN counties c ON c.code = s.county_code
          JOIN organizations f ON f.id = a.foreign_org_id
          LEFT JOIN prov ON prov.org_id = f.id
          LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = a.id
          LEFT JOIN last_event ON last_event.agreement_id = a.id
          ORDER BY s.name, f.name, a.kind, a.id`,
    ),
    queryRows<Record<string, string | null> & { reasons: string[] }>(
      db,
      sql`SELECT e.id, e.agreement_id, e.status, e.effective_on::text AS effective_on, e.effective_precision, e.reasons::text[] AS reasons,
            e.reason_other, e.decided_by, e.initiated_by,
            to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS recorded_at, e.supersedes_id,
            CASE WHEN EXISTS (SELECT 1 FROM status_events c WHERE c.supersedes_id = e.id) THEN 'yes' ELSE 'no' END AS superseded
          FROM status_events e ORDER BY e.seq`,
    ),
    queryRows<Record<string, string | null>>(
      db,
      sql`SELECT id, visibility, kind, citation, title, author, outlet, issuer, body, paragraph, diarienummer,
            date::text AS date, date_precision, published_on::text AS published_on, url, retrieved_on::text AS retrieved_on
          FROM sources WHERE visibility <> 'internal' ORDER BY created_at, id`,
    ),
    queryRows<Record<string, string | null>>(
      db,
      sql`SELECT u.source_id, u.record_type, u.record_id,
            CASE WHEN s.visibility = 'public' THEN u.page END AS page, CASE WHEN s.visibility = 'public' THEN u.quote END AS quote
          FROM (
            SELECT source_id, 'agreement' AS record_type, agreement_id AS record_id, page, quote FROM agreement_sources
            UNION ALL SELECT source_id, 'event', event_id, page, quote FROM event_sources
          ) u JOIN sources s ON s.id = u.source_id
          WHERE s.visibility <> 'internal'
          ORDER BY u.record_type, u.record_id, u.source_id`,
    ),
    queryRows<Record<string, string | null>>(
      db,
      sql`SELECT o.id, o.kind, o.name, o.name_native, o.official_code, c.name AS county, o.level, o.parent_id, o.country_code
          FROM organizations o LEFT JOIN counties c ON c.code = o.county_code
          WHERE o.kind = 'foreign' OR EXISTS (SELECT 1 FROM agreements a WHERE a.swedish_org_id = o.id)
             OR EXISTS (SELECT 1 FROM organizations child WHERE child.parent_id = o.id)
          ORDER BY o.kind, o.name, o.id`,
    ),
  ]);

  const rows: Record<TableDef["name"], Record<string, Cell | undefined>[]> = {
    agreements: agreements.map((a) => ({
      id: a.id!,
      url: `${origin}/avtal/${agreementSlug({ id: a.id!, kind: a.kind as "twin_city", swedishName: a.swedish_party!, foreignName: a.foreign_party! })}`,
      swedish_party_id: a.swedish_party_id!,
      swedish_party: a.swedish_party!,
      swedish_party_code: a.swedish_party_code,
      swedish_party_kind: a.swedish_party_kind,
      county: a.county,
      foreign_party_id: a.foreign_party_id!,
      foreign_party: a.foreign_party!,
      foreign_party_native: a.foreign_party_native,
      foreign_party_level: a.foreign_party_level,
      foreign_party_province: a.foreign_party_province,
      kind: a.kind,
      designation: a.designation,
      established: date(a.established_on, a.established_precision as DatePrecision),
      established_precision: a.established_precision,
      funding: a.funding,
      areas: join(a.areas),
      status: a.status,
      state: a.status ? stateAfter(a.status as EventStatus) : null,
      status_date: date(a.status_on, a.status_precision as DatePrecision | null),
      last_changed: a.last_changed!,
    })),
    events: events.map((e) => ({
      id: e.id!,
      agreement_id: e.agreement_id!,
      status: e.status!,
      effective: date(e.effective_on, e.effective_precision as DatePrecision),
      effective_precision: e.effective_precision,
      reasons: join(e.reasons),
      reason_other: e.reason_other,
      decided_by: e.decided_by,
      initiated_by: e.initiated_by,
      recorded_at: e.recorded_at!,
      supersedes_id: e.supersedes_id,
      superseded: e.superseded,
    })),
    sources: sources.map((s) =>
      s.visibility === "confidential"
        ? { ...emptyRow("sources"), id: s.id, visibility: "confidential", kind: s.kind, year: yearOf(s.date, s.date_precision) ?? yearOf(s.published_on, "day") }
        : {
            id: s.id,
            visibility: "public",
            kind: s.kind,
            year: yearOf(s.date, s.date_precision) ?? yearOf(s.published_on, "day"),
            citation: s.citation,
            title: s.title,
            author: s.author,
            outlet: s.outlet,
            issuer: s.issuer,
            body: s.body,
            paragraph: s.paragraph,
            diarienummer: s.diarienummer,
            date: date(s.date, s.date_precision as DatePrecision),
            published_on: s.published_on,
            url: s.url,
            retrieved_on: s.retrieved_on,
          },
    ),
    evidence,
    organisations: organisations.map((o) => ({ id: o.id!, url: `${origin}/organisationer/${organisationSlug({ id: o.id!, name: o.name! })}`, ...o })),
  };
  return TABLES.map((def) => ({
    ...def,
    rows: rows[def.name].map((r) => Object.fromEntries(def.fields.map((f) => [f.name, r[f.name] ?? null]))),
  }));
}

function emptyRow(table: TableDef["name"]): Row {
  return Object.fromEntries(TABLES.find((t) => t.name === table)!.fields.map((f) => [f.name, null]));
}

function yearOf(on: Maybe, precision: Maybe): number | null {
  if (!on || precision === "unknown") return null;
  return Number(on.slice(0, 4));
}
