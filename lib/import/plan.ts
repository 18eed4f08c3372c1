import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { fold } from "../agreements/fold";
import type { AgreementKind, ForeignLevel } from "../domain/enums";
import { agreementSchema, type AgreementInput } from "../validation/agreements";
import { foreignOrganizationSchema, type ForeignOrganizationInput } from "../validation/organizations";
import { NameIndex } from "./names";
import { normaliseRow, parseForeignLevel, parseKind, parseSwedishKind, type ImportColumn, type ImportRow } from "./columns";

// Decides, for every row of an import file, what would happen: create, skip (and why), or an
// error (and which). Nothing is written here; the commit (run.ts) plans again inside its
// transaction and writes only when no row has an error.

export interface RowIssue {
  column: ImportColumn | null;
  /** Key under registry.import.issues in the catalogue. */
  code: string;
  value?: string;
  /** Names the value may have meant (a typo away), or the parties an ambiguous name could be. */
  suggestions?: string[];
}

export type SkipReason = { reason: "exists"; agreementId: string } | { reason: "duplicateInFile"; row: number };

export interface RowPlan {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  action: "create" | "skip" | "error";
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
}

export type PlannedForeign = { mode: "existing"; id: string } | { mode: "new"; key: string };

export interface ImportPlan {
  rows: RowPlan[];
  counts: { create: number; skip: number; error: number };
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

  constructor(orgs: OrgRef[], agreements: { id: string; s: string; f: string; kind: string }[]) {
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
    const kind = row.swedish_party_kind ? parseSwedishKind(row.swedish_party_kind) : null;
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
}

async function loadDirectory(db: Db): Promise<Directory> {
  const orgs = await queryRows<OrgRef>(
    db,
    sql`SELECT id, kind, name, short_name AS "shortName", name_native AS "nameNative", official_code AS "officialCode", level FROM organizations`,
  );
  const agreements = await queryRows<{ id: string; s: string; f: string; kind: string }>(
    db,
    sql`SELECT id, swedish_org_id AS s, foreign_org_id AS f, kind FROM agreements`,
  );
  return new Directory(orgs, agreements);
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
        const level = row.foreign_party_level ? parseForeignLevel(row.foreign_party_level) : null;
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

    const kind = row.kind ? parseKind(row.kind) : "twin_city";
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
    if (issues.length > 0) return { ...base, action: "error", issues };

    const foreignKey = foreign.mode === "existing" ? foreign.id : `new:${foreign.key}`;
    const tripleKey = `${input.swedishOrgId}|${foreignKey}|${input.kind}`;
    const existing = foreign.mode === "existing" ? directory.existingAgreement(input.swedishOrgId, foreign.id, input.kind) : undefined;
    if (existing) return { ...base, action: "skip", issues, skip: { reason: "exists", agreementId: existing } };
    const earlier = seen.get(tripleKey);
    if (earlier) return { ...base, action: "skip", issues, skip: { reason: "duplicateInFile", row: earlier } };
    seen.set(tripleKey, rowNumber);
    return { ...base, action: "create", issues, newForeign: foreign.mode === "new", input };
  }

  const counts = { create: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  // A new foreign party is only created for rows that create an agreement.
  const creating = new Set(rows.filter((r) => r.action === "create").map((r) => r.row));
  const created = [...newForeign.values()].filter((n) => n.rows.some((r) => creating.has(r)));
  return { rows, counts, newForeign: created };
}

