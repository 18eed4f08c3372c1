import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { fold } from "../agreements/fold";
import { fieldTexts, toColumns, type StoredAgreement } from "../agreements/fields";
import type { AgreementKind, DatePrecision, EventStatus, ForeignLevel, SwedishOrgKind } from "../domain/enums";
import { parsePartialDate, partialDateToString } from "../domain/partial-date";
import { currentStatusSubquery } from "../events/current-status-sql";
import { checkTransition } from "../events/transitions";
import { agreementSchema, type AgreementInput } from "../validation/agreements";
import { foreignOrganizationSchema, type ForeignOrganizationInput } from "../validation/organizations";
import { partialDateMessage } from "../validation/text";
import { NameIndex } from "./names";
import { normaliseRow, parseForeignLevel, parseKind, parseStatus, parseSwedishKind, type ImportColumn, type ImportRow } from "./columns";
import { codeOfLabel } from "./labels";

// Decides, for every row of an import file, what would happen: create, update (a row with the
// id of an agreement whose fields were edited), skip (and why: it exists, it is unchanged, it
// repeats an earlier row), or an error (and which). Nothing is written here; the commit
// (run.ts) writes only when no row has an error. The export writes what this reads, so an
// exported file imported again changes nothing, and an edited one exactly the edits.

export interface RowIssue {
  column: ImportColumn | null;
  /** Key under registry.import.issues in the catalogue. */
  code: string;
  value?: string;
  /** Names the value may have meant (a typo away), or the parties an ambiguous name could be. */
  suggestions?: string[];
}

export type SkipReason =
  | { reason: "exists"; agreementId: string }
  | { reason: "unchanged"; agreementId: string }
  | { reason: "duplicateInFile"; row: number };

/** The fields an import may change on an existing agreement (its parties and kind identify it). */
export const UPDATABLE_FIELDS = ["designation", "established", "funding", "areas", "notes"] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

export interface PlannedUpdate {
  id: string;
  baseVersion: number;
  changed: UpdatableField[];
  values: Record<UpdatableField, string>;
}

/** The first status event of a created agreement, with its source. */
export interface PlannedStatus {
  status: EventStatus;
  /** A partial date ("2019", "2019-05", "2019-05-14") or "" for unknown. */
  effective: string;
  source: { mode: "existing"; id: string } | { mode: "url"; url: string } | null;
}

export interface RowPlan {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  action: "create" | "update" | "skip" | "error";
  issues: RowIssue[];
  skip?: SkipReason;
  swedishName?: string;
  foreignName?: string;
  /** The foreign party does not exist yet and will be created. */
  newForeign?: boolean;
  kind?: AgreementKind;
  established?: string;
  /** What the commit writes: the agreement form's input, with a key for a foreign party to create. */
  input?: Omit<AgreementInput, "foreign"> & { foreign: PlannedForeign };
  status?: PlannedStatus;
  update?: PlannedUpdate;
}

export type PlannedForeign = { mode: "existing"; id: string } | { mode: "new"; key: string };

export interface ImportPlan {
  rows: RowPlan[];
  counts: { create: number; update: number; skip: number; error: number };
  /** Foreign parties the import would create, by name, with the rows that use them. */
  newForeign: { key: string; org: ForeignOrganizationInput; rows: number[] }[];
}

interface OrgRef {
  id: string;
  kind: string;
  name: string;
  shortName: string | null;
  nameNative: string | null;
  officialCode: string | null;
  level: ForeignLevel | null;
}

/** Levels a foreign party's parent ("province" column) can have. */
const PROVINCE_LEVELS = new Set<ForeignLevel | null>(["province", "autonomous_region", "municipality"]);

const fieldsSchema = agreementSchema.omit({ swedishOrgId: true, foreign: true });

const FIELD_COLUMN: Record<string, ImportColumn> = {
  swedishOrgId: "swedish_party",
  kind: "kind",
  designation: "designation",
  established: "established",
  funding: "funding",
  areas: "areas",
  notes: "notes",
  name: "foreign_party",
  nameNative: "foreign_party_native",
  level: "foreign_party_level",
  parentId: "foreign_party_province",
  countryCode: "foreign_party",
};

/** Issue codes are the last segment of the zod message key ("registry.errors.date" → "date"). */
function issuesFromZod(fieldErrors: Record<string, string[] | undefined>): RowIssue[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) =>
    (messages ?? []).map((m) => ({ column: FIELD_COLUMN[field.split(".").at(-1)!] ?? null, code: m.split(".").at(-1)! })),
  );
}

function zodFieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of error.issues) (out[i.path.map(String).join(".")] ??= []).push(i.message);
  return out;
}

class Directory {
  private swedishByName = new NameIndex<OrgRef>();
  private swedishByShortName = new NameIndex<OrgRef>();
  private swedishByCode = new Map<string, OrgRef[]>();
  private foreignByName = new NameIndex<OrgRef>();
  private existing = new Map<string, string>();
  private byId = new Map<string, ExistingAgreement>();
  private sourcesById = new Set<string>();
  private sourcesByUrl = new Map<string, string>();

  constructor(orgs: OrgRef[], agreements: ExistingAgreement[], sources: { id: string; url: string | null }[]) {
    for (const a of agreements) this.byId.set(a.id, a);
    for (const src of sources) {
      this.sourcesById.add(src.id);
      if (src.url && !this.sourcesByUrl.has(src.url)) this.sourcesByUrl.set(src.url, src.id);
    }
    for (const o of orgs) {
      if (o.kind === "foreign") {
        this.foreignByName.add(o.name, o);
        this.foreignByName.add(o.nameNative, o);
      } else {
        this.swedishByName.add(o.name, o);
        this.swedishByShortName.add(o.shortName, o);
        if (o.officialCode) this.swedishByCode.set(o.officialCode, [...(this.swedishByCode.get(o.officialCode) ?? []), o]);
      }
    }
    for (const a of agreements) this.existing.set(`${a.s}|${a.f}|${a.kind}`, a.id);
  }

  swedish(row: ImportRow): { org?: OrgRef; issue?: RowIssue } {
    const labelled = row.swedish_party_kind ? codeOfLabel("orgKind", row.swedish_party_kind) : null;
    const kind = row.swedish_party_kind
      ? (parseSwedishKind(row.swedish_party_kind) ?? (labelled && labelled !== "foreign" ? (labelled as SwedishOrgKind) : null))
      : null;
    if (row.swedish_party_kind && !kind) return { issue: { column: "swedish_party_kind", code: "swedishKindInvalid", value: row.swedish_party_kind } };
    const ofKind = (o: OrgRef) => !kind || o.kind === kind;
    let candidates: OrgRef[] = [];
    if (row.swedish_party_code) {
      // A four-digit code is a kommun; a two-digit county code names both a region and a länsstyrelse.
      candidates = (this.swedishByCode.get(row.swedish_party_code) ?? []).filter(
        (o) => ofKind(o) && (kind || row.swedish_party_code!.length === 4 || o.kind !== "kommun"),
      );
      if (candidates.length === 0) return { issue: { column: "swedish_party_code", code: "swedishNotFound", value: row.swedish_party_code } };
    } else if (row.swedish_party) {
      // The exact name before the folded one: "Håbo" and "Habo" are two kommuner.
      const name = row.swedish_party;
      const tries = [
        () => this.swedishByName.findExact(name, ofKind),
        () => this.swedishByShortName.findExact(name, ofKind),
        () => this.swedishByName.findFolded(name, ofKind),
        () => this.swedishByShortName.findFolded(name, ofKind),
      ];
      for (const attempt of tries) if ((candidates = attempt()).length > 0) break;
      if (candidates.length === 0) {
        const suggestions = this.swedishByName.suggest(name, ofKind);
        return { issue: { column: "swedish_party", code: "swedishNotFound", value: name, ...(suggestions.length ? { suggestions } : {}) } };
      }
    } else {
      return { issue: { column: "swedish_party", code: "required" } };
    }
    if (candidates.length > 1) {
      const column = row.swedish_party_code ? "swedish_party_code" : "swedish_party";
      const suggestions = candidates.map((o) => `${o.name} (${o.kind})`).sort((a, b) => a.localeCompare(b, "sv"));
      return { issue: { column, code: "swedishAmbiguous", value: row.swedish_party_code ?? row.swedish_party, suggestions } };
    }
    return { org: candidates[0] };
  }

  foreign(name: string, keep?: (o: OrgRef) => boolean): OrgRef[] {
    return this.foreignByName.find(name, keep);
  }

  suggestForeign(name: string, keep?: (o: OrgRef) => boolean): string[] {
    return this.foreignByName.suggest(name, keep);
  }

  existingAgreement(s: string, f: string, kind: string): string | undefined {
    return this.existing.get(`${s}|${f}|${kind}`);
  }

  agreement(id: string): ExistingAgreement | undefined {
    return this.byId.get(id);
  }

  source(text: string): PlannedStatus["source"] | undefined {
    if (this.sourcesById.has(text)) return { mode: "existing", id: text };
    const byUrl = this.sourcesByUrl.get(text);
    if (byUrl) return { mode: "existing", id: byUrl };
    return /^https?:\/\/\S+$/i.test(text) ? { mode: "url", url: text } : undefined;
  }
}

interface ExistingAgreement extends StoredAgreement {
  id: string;
  s: string;
  f: string;
  version: number;
  status: EventStatus | null;
  statusOn: string | null;
  statusPrecision: DatePrecision | null;
}

async function loadDirectory(db: Db): Promise<Directory> {
  const orgs = await queryRows<OrgRef>(
    db,
    sql`SELECT id, kind, name, short_name AS "shortName", name_native AS "nameNative", official_code AS "officialCode", level FROM organizations`,
  );
  const agreements = await queryRows<ExistingAgreement>(
    db,
    sql`SELECT a.id, a.swedish_org_id AS s, a.foreign_org_id AS f, a.swedish_org_id AS "swedishOrgId", a.foreign_org_id AS "foreignOrgId",
          a.kind, a.designation, a.established_on::text AS "establishedOn", a.established_precision AS "establishedPrecision",
          a.funding, a.areas, a.notes, a.version,
          cs.status, cs.effective_on::text AS "statusOn", cs.effective_precision AS "statusPrecision"
        FROM agreements a LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = a.id`,
  );
  const sources = await queryRows<{ id: string; url: string | null }>(db, sql`SELECT id, url FROM sources`);
  return new Directory(orgs, agreements, sources);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PlanOptions {
  /** Called every few hundred rows (between them the event loop serves other requests). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** Plans an import: every row's outcome, with every error of every row. */
export async function planImport(db: Db, rawRows: Record<string, unknown>[], options: PlanOptions = {}): Promise<ImportPlan> {
  const directory = await loadDirectory(db);
  const newForeign = new Map<string, { key: string; org: ForeignOrganizationInput; rows: number[] }>();
  const seen = new Map<string, number>();
  const rows: RowPlan[] = [];
  for (const [index, raw] of rawRows.entries()) {
    if (index % 500 === 499) {
      await options.onProgress?.(index, rawRows.length);
      await yieldToEventLoop();
    }
    rows.push(planRow(raw, index));
  }
  await options.onProgress?.(rawRows.length, rawRows.length);

  function planRow(raw: Record<string, unknown>, index: number): RowPlan {
    const rowNumber = index + 2;
    const row = normaliseRow(raw);
    const issues: RowIssue[] = [];

    const swedish = directory.swedish(row);
    if (swedish.issue) issues.push(swedish.issue);

    let foreign: PlannedForeign;
    let foreignName = row.foreign_party ?? row.foreign_party_native;
    if (!row.foreign_party) {
      issues.push({ column: "foreign_party", code: "required" });
      foreign = { mode: "existing", id: "" };
    } else {
      const matches = directory.foreign(row.foreign_party);
      const byNative = row.foreign_party_native ? directory.foreign(row.foreign_party_native) : [];
      const candidates = matches.length > 0 ? matches : byNative;
      if (candidates.length > 1) {
        issues.push({ column: "foreign_party", code: "foreignAmbiguous", value: row.foreign_party });
        foreign = { mode: "existing", id: "" };
      } else if (candidates.length === 1) {
        foreign = { mode: "existing", id: candidates[0]!.id };
        foreignName = candidates[0]!.name;
      } else {
        // A new foreign party: checked with the organisation form's schema.
        let parentId = "";
        if (row.foreign_party_province) {
          const parents = directory.foreign(row.foreign_party_province);
          if (parents.length === 1) parentId = parents[0]!.id;
          else if (parents.length > 1) issues.push({ column: "foreign_party_province", code: "provinceAmbiguous", value: row.foreign_party_province });
          else {
            const suggestions = directory.suggestForeign(row.foreign_party_province, (o) => PROVINCE_LEVELS.has(o.level));
            issues.push({ column: "foreign_party_province", code: "provinceNotFound", value: row.foreign_party_province, ...(suggestions.length ? { suggestions } : {}) });
          }
        }
        const level = row.foreign_party_level
          ? (parseForeignLevel(row.foreign_party_level) ?? (codeOfLabel("foreignLevel", row.foreign_party_level) as ForeignLevel | null))
          : null;
        if (row.foreign_party_level && !level) issues.push({ column: "foreign_party_level", code: "levelInvalid", value: row.foreign_party_level });
        const org: ForeignOrganizationInput = {
          name: row.foreign_party,
          nameNative: row.foreign_party_native ?? "",
          level: level ?? "",
          parentId,
          countryCode: "CN",
        };
        const checked = foreignOrganizationSchema.safeParse(org);
        if (!checked.success) issues.push(...issuesFromZod(zodFieldErrors(checked.error)));
        const key = fold(row.foreign_party);
        const entry = newForeign.get(key) ?? { key, org, rows: [] };
        entry.rows.push(rowNumber);
        newForeign.set(key, entry);
        foreign = { mode: "new", key };
      }
    }

    const kind = row.kind ? (parseKind(row.kind) ?? (codeOfLabel("kind", row.kind) as AgreementKind | null)) : "twin_city";
    if (!kind) issues.push({ column: "kind", code: "kindInvalid", value: row.kind });

    const input = {
      swedishOrgId: swedish.org?.id ?? "",
      foreign,
      kind: kind ?? "other",
      designation: row.designation ?? "",
      established: row.established ?? "",
      funding: row.funding ?? "",
      areas: (row.areas ?? "").replace(/;/g, "\n"),
      notes: row.notes ?? "",
    };
    // The same schema as the agreement form (the parties were resolved by name above).
    const checked = fieldsSchema.safeParse(input);
    if (!checked.success) issues.push(...issuesFromZod(zodFieldErrors(checked.error)));

    const base = { row: rowNumber, swedishName: swedish.org?.name, foreignName, kind: kind ?? undefined, established: row.established };

    if (row.id) {
      // A row of an export: the agreement it names, updated where its fields were edited.
      const current = directory.agreement(row.id);
      if (!current) return { ...base, action: "error", issues: [...issues, { column: "id", code: "idNotFound", value: row.id }] };
      if (issues.length > 0) return { ...base, action: "error", issues };
      if (current.s !== input.swedishOrgId || foreign.mode !== "existing" || current.f !== foreign.id || current.kind !== input.kind) {
        return { ...base, action: "error", issues: [{ column: "id", code: "identityChanged", value: row.id }] };
      }
      if (row.version && row.version !== String(current.version)) {
        return { ...base, action: "error", issues: [{ column: "version", code: "stale", value: row.version, suggestions: [String(current.version)] }] };
      }
      const statusIssue = unchangedStatus(row, current);
      if (statusIssue) return { ...base, action: "error", issues: [statusIssue] };
      const before = fieldTexts(current);
      const after = fieldTexts({ ...toColumns({ ...fieldsSchema.parse(input), swedishOrgId: input.swedishOrgId }, current.f) });
      const changed = UPDATABLE_FIELDS.filter((f) => before[f] !== after[f]);
      if (changed.length === 0) return { ...base, action: "skip", issues, skip: { reason: "unchanged", agreementId: current.id } };
      const values = Object.fromEntries(UPDATABLE_FIELDS.map((f) => [f, after[f]])) as Record<UpdatableField, string>;
      return { ...base, action: "update", issues, update: { id: current.id, baseVersion: current.version, changed, values } };
    }

    const status = plannedStatus(row, input.established, issues);
    if (issues.length > 0) return { ...base, action: "error", issues };

    const foreignKey = foreign.mode === "existing" ? foreign.id : `new:${foreign.key}`;
    const tripleKey = `${input.swedishOrgId}|${foreignKey}|${input.kind}`;
    const existing = foreign.mode === "existing" ? directory.existingAgreement(input.swedishOrgId, foreign.id, input.kind) : undefined;
    if (existing) return { ...base, action: "skip", issues, skip: { reason: "exists", agreementId: existing } };
    const earlier = seen.get(tripleKey);
    if (earlier) return { ...base, action: "skip", issues, skip: { reason: "duplicateInFile", row: earlier } };
    seen.set(tripleKey, rowNumber);
    return { ...base, action: "create", issues, newForeign: foreign.mode === "new", input, ...(status ? { status } : {}) };
  }

  /** A created agreement's first status: the establishment (by the transition rules), with its source. */
  function plannedStatus(row: ImportRow, established: string, issues: RowIssue[]): PlannedStatus | undefined {
    if (!row.status) {
      if (row.source) issues.push({ column: "source", code: "sourceWithoutStatus" });
      if (row.status_date) issues.push({ column: "status_date", code: "sourceWithoutStatus" });
      return undefined;
    }
    const status = parseStatus(row.status) ?? (codeOfLabel("status", row.status) as EventStatus | "none" | null);
    if (!status || status === "none") {
      issues.push({ column: "status", code: "statusInvalid", value: row.status });
      return undefined;
    }
    const effective = row.status_date ?? established;
    // The same date rules as every other write of a status event (an existing day, not in the
    // future, not before 1900), with the same codes as the established column's.
    const dateProblem = partialDateMessage(effective, "registry.errors.date");
    if (dateProblem) {
      issues.push({ column: "status_date", code: dateProblem.split(".").at(-1)!, value: effective });
      return undefined;
    }
    const date = parsePartialDate(effective);
    const verdict = checkTransition([], { status, effectiveOn: date.on, effectivePrecision: date.precision as DatePrecision, supersedesId: null });
    if (!verdict.ok) issues.push({ column: "status", code: "firstStatus", value: row.status });
    let source: PlannedStatus["source"] = null;
    if (row.source) {
      const found = directory.source(row.source);
      if (found) source = found;
      else issues.push({ column: "source", code: "sourceInvalid", value: row.source });
    }
    return { status, effective, source };
  }

  const counts = { create: 0, update: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  // A new foreign party is only created for rows that create an agreement.
  const creating = new Set(rows.filter((r) => r.action === "create").map((r) => r.row));
  const created = [...newForeign.values()].filter((n) => n.rows.some((r) => creating.has(r)));
  return { rows, counts, newForeign: created };
}


/** For an exported row: its status columns still say the agreement's current status (status changes are events, logged with a source). */
function unchangedStatus(row: ImportRow, current: ExistingAgreement): RowIssue | null {
  if (row.status === undefined && row.status_date === undefined) return null;
  const status = row.status ? (parseStatus(row.status) ?? codeOfLabel("status", row.status)) : "none";
  const currentDate = current.status ? (partialDateToString({ on: current.statusOn, precision: current.statusPrecision ?? "unknown" }) ?? "") : "";
  if ((status ?? row.status) !== (current.status ?? "none") || (row.status_date ?? "") !== currentDate) {
    return { column: "status", code: "statusChange", value: row.status ?? "" };
  }
  return null;
}
