import { AGREEMENT_KINDS, REASONS, SWEDISH_ORG_KINDS, type AgreementKind, type Reason, type SwedishOrgKind } from "../domain/enums";
import { AGREEMENT_STATES, type AgreementState } from "../domain/status";

// The agreements table's whole state as a URL query: shareable, bookmarkable, and the one input
// of the list query and of the export. Parsing is lenient: a hand-edited or outdated link drops
// what it does not understand instead of failing.

export const COLUMN_IDS = [
  "swedish",
  "swedishKind",
  "county",
  "foreign",
  "province",
  "kind",
  "designation",
  "established",
  "status",
  "lastChange",
  "confirmed",
  "sources",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export type SortKey = ColumnId;

/** Status filter values: the derived states, plus agreements without any event. */
export const STATUS_FILTERS = [...AGREEMENT_STATES, "none"] as const;
export type StatusFilter = AgreementState | "none";

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_QUERY_LENGTH = 200;

export interface AgreementQuery {
  q: string;
  status: StatusFilter[];
  kind: AgreementKind[];
  swedishKind: SwedishOrgKind[];
  county: string[];
  province: string[];
  reason: Reason[];
  /** Established in or after this year. */
  from: number | null;
  /** Established in or before this year. */
  to: number | null;
  /** Only agreements nobody has confirmed ("nothing has changed") in the last 12 months. */
  unconfirmed: boolean;
  sort: SortKey;
  dir: "asc" | "desc";
  page: number;
  size: number;
  hide: ColumnId[];
}

export const DEFAULT_QUERY: AgreementQuery = {
  q: "",
  status: [],
  kind: [],
  swedishKind: [],
  county: [],
  province: [],
  reason: [],
  from: null,
  to: null,
  unconfirmed: false,
  sort: "swedish",
  dir: "asc",
  page: 1,
  size: DEFAULT_PAGE_SIZE,
  hide: [],
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: ParamSource, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

function list<T extends string>(raw: string | undefined, allowed: readonly T[] | null, max = 50): T[] {
  if (!raw) return [];
  const values = raw
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0 && v.length <= 64 && (allowed === null || (allowed as readonly string[]).includes(v)));
  return [...new Set(values)].slice(0, max) as T[];
}

function year(raw: string | undefined): number | null {
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 1900 && y <= 2100 ? y : null;
}

function positive(raw: string | undefined, fallback: number, max: number): number {
  if (!raw || !/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

const COUNTY_CODE = /^\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseAgreementQuery(params: ParamSource): AgreementQuery {
  const sortRaw = get(params, "sort") ?? "";
  const [sortKey, sortDir] = sortRaw.split(".");
  const size = Number(get(params, "size"));
  return {
    q: (get(params, "q") ?? "").slice(0, MAX_QUERY_LENGTH),
    status: list(get(params, "status"), STATUS_FILTERS),
    kind: list(get(params, "kind"), AGREEMENT_KINDS),
    swedishKind: list(get(params, "swedishKind"), SWEDISH_ORG_KINDS),
    county: list(get(params, "county"), null).filter((c) => COUNTY_CODE.test(c)),
    province: list(get(params, "province"), null).filter((p) => UUID.test(p)),
    reason: list(get(params, "reason"), REASONS),
    from: year(get(params, "from")),
    to: year(get(params, "to")),
    unconfirmed: get(params, "unconfirmed") === "1",
    sort: (COLUMN_IDS as readonly string[]).includes(sortKey ?? "") ? (sortKey as SortKey) : DEFAULT_QUERY.sort,
    dir: sortDir === "desc" ? "desc" : "asc",
    page: positive(get(params, "page"), 1, 100_000),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    hide: list(get(params, "hide"), COLUMN_IDS),
  };
}

/** The query as URL parameters, leaving out what is at its default (so links stay short). */
export function agreementQueryToParams(query: AgreementQuery, options: { paging?: boolean; columns?: boolean } = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q.trim()) p.set("q", query.q.trim());
  const lists: [string, string[]][] = [
    ["status", query.status],
    ["kind", query.kind],
    ["swedishKind", query.swedishKind],
    ["county", query.county],
    ["province", query.province],
    ["reason", query.reason],
  ];
  for (const [key, values] of lists) if (values.length > 0) p.set(key, values.join(","));
  if (query.from != null) p.set("from", String(query.from));
  if (query.to != null) p.set("to", String(query.to));
  if (query.unconfirmed) p.set("unconfirmed", "1");
  if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) p.set("sort", `${query.sort}.${query.dir}`);
  if (options.paging !== false) {
    if (query.page !== 1) p.set("page", String(query.page));
    if (query.size !== DEFAULT_PAGE_SIZE) p.set("size", String(query.size));
  }
  if (options.columns !== false && query.hide.length > 0) p.set("hide", query.hide.join(","));
  return p;
}
