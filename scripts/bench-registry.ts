// The agreements table's server-side queries on 10,000 generated agreements (and their events),
// on embedded PGlite and on the PostgreSQL server. Prints the figures; it is not a timed test.
//
//   npm run bench:registry                 # PGlite, and PostgreSQL at BENCH_DATABASE_URL / TEST_DATABASE_URL when reachable
//   BENCH_AGREEMENTS=20000 npm run bench:registry
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { migrateDatabase, openDatabase, queryRows, type Db, type DbHandle } from "../db/client";
import { agreements, organizations, statusEvents, eventSources, users } from "../db/schema";
import { DATASET_USER_EMAIL, seedDatabase } from "../db/seed";
const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
import { pageIdsSql, queryAgreements } from "../lib/agreements/list";
import { DEFAULT_QUERY, type AgreementQuery } from "../lib/agreements/query-params";
import { AGREEMENT_KINDS, type EventStatus, type Reason } from "../lib/domain/enums";

const COUNT = Number(process.env.BENCH_AGREEMENTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET_MS = 300;

/** A small deterministic generator, so that every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ["an", "bei", "chang", "da", "feng", "guang", "hai", "jin", "kun", "lan", "ming", "nan", "ping", "qing", "shan", "tai", "wu", "xin", "yang", "zhou"];
const HANZI = ["安", "北", "长", "大", "丰", "广", "海", "金", "昆", "兰", "明", "南", "平", "青", "山", "泰", "武", "新", "阳", "州"];

async function generate(db: Db): Promise<void> {
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const [dataset] = await db.select({ id: users.id }).from(users).where(sql`${users.email} = ${DATASET_USER_EMAIL}`);
  const actor = dataset!.id;
  const swedish = await db.select({ id: organizations.id }).from(organizations).where(sql`${organizations.kind} <> 'foreign'`);
  const provinces = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.level} IN ('province', 'autonomous_region')`);
  const sourceIds = (await queryRows<{ id: string }>(db, sql`SELECT id FROM sources`)).map((r) => r.id);

  // 2,000 generated prefecture-level cities under the seeded provinces.
  const foreignRows = Array.from({ length: 2000 }, (_, i) => {
    const a = i % SYLLABLES.length;
    const b = Math.floor(i / SYLLABLES.length) % SYLLABLES.length;
    return {
      kind: "foreign" as const,
      name: `${SYLLABLES[a]![0]!.toUpperCase()}${SYLLABLES[a]!.slice(1)}${SYLLABLES[b]} ${i}`,
      nameNative: `${HANZI[a]}${HANZI[b]}市${i}`,
      level: "prefecture_city" as const,
      parentId: pick(provinces).id,
      countryCode: "CN",
    };
  });
  const foreign: { id: string }[] = [];
  for (let i = 0; i < foreignRows.length; i += 1000) {
    foreign.push(...(await db.insert(organizations).values(foreignRows.slice(i, i + 1000)).returning({ id: organizations.id })));
  }

  const LATER: EventStatus[] = ["dormant", "paused", "terminated", "expired", "resumed", "partially_terminated"];
  const REASONS: Reason[] = ["human_rights", "chinese_state_conduct", "lack_of_activity"];
  for (let start = 0; start < COUNT; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, COUNT - start) }, () => {
      const year = 1985 + Math.floor(random() * 36);
      return {
        swedishOrgId: pick(swedish).id,
        foreignOrgId: pick(foreign).id,
        kind: pick(AGREEMENT_KINDS),
        designation: random() < 0.5 ? `Memorandum of Understanding ${year}` : null,
        establishedOn: `${year}-01-01`,
        establishedPrecision: "year" as const,
        areas: ["utbildning", "kultur"],
        createdBy: actor,
        updatedBy: actor,
      };
    });
    const created = await db.insert(agreements).values(batch).returning({ id: agreements.id, establishedOn: agreements.establishedOn });
    const events = created.flatMap((a) => {
      const year = Number(a.establishedOn!.slice(0, 4));
      const list = [
        { agreementId: a.id, status: "active" as EventStatus, effectiveOn: a.establishedOn, effectivePrecision: "year" as const, recordedBy: actor, reasons: [] as Reason[] },
      ];
      const more = Math.floor(random() * 3);
      for (let k = 0; k < more; k++) {
        const y = Math.min(2024, year + 1 + Math.floor(random() * 10) + k * 3);
        list.push({
          agreementId: a.id,
          status: pick(LATER),
          effectiveOn: `${y}-01-01`,
          effectivePrecision: "year",
          recordedBy: actor,
          reasons: random() < 0.4 ? [pick(REASONS)] : [],
        });
      }
      return list;
    });
    const insertedEvents = await db.insert(statusEvents).values(events).returning({ id: statusEvents.id });
    const links = insertedEvents.filter(() => random() < 0.6).map((e) => ({ eventId: e.id, sourceId: pick(sourceIds), createdBy: actor }));
    if (links.length > 0) await db.insert(eventSources).values(links).onConflictDoNothing();
  }
  await db.execute(sql`ANALYZE`);
}

interface Scenario {
  name: string;
  query: AgreementQuery;
}

const SCENARIOS: Scenario[] = [
  { name: "first page (default sort)", query: DEFAULT_QUERY },
  { name: 'search "goteborg" (finds Göteborg)', query: { ...DEFAULT_QUERY, q: "goteborg" } },
  { name: 'search "武汉"', query: { ...DEFAULT_QUERY, q: "武汉" } },
  { name: "filter status = paused", query: { ...DEFAULT_QUERY, status: ["paused"] } },
  { name: "filter county + reason, by established desc", query: { ...DEFAULT_QUERY, county: ["20"], reason: ["human_rights"], sort: "established", dir: "desc" } },
  { name: "sort by number of sources, page 40", query: { ...DEFAULT_QUERY, sort: "sources", dir: "desc", page: 40 } },
  { name: "sort by current status, 100 a page", query: { ...DEFAULT_QUERY, sort: "status", size: 100 } },
  { name: 'search "skåne" + kind + established range', query: { ...DEFAULT_QUERY, q: "skåne", kind: ["twin_city"], from: 1990, to: 2010 } },
];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

async function bench(label: string, handle: DbHandle) {
  const t0 = performance.now();
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { demoUsers: false });
  await generate(handle.db);
  const [counts] = await queryRows<{ agreements: number; events: number }>(
    handle.db,
    sql`SELECT (SELECT count(*)::int FROM agreements) AS agreements, (SELECT count(*)::int FROM status_events) AS events`,
  );
  console.log(`\n${label}: ${counts!.agreements} agreements, ${counts!.events} events (set up in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`${"scenario".padEnd(46)} ${"rows".padStart(6)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}`);
  let worst = 0;
  for (const s of SCENARIOS) {
    const first = await queryAgreements(handle.db, s.query); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await queryAgreements(handle.db, s.query);
      samples.push(performance.now() - start);
    }
    if (process.env.BENCH_EXPLAIN === "1") {
      const plan = await queryRows<Record<string, string>>(handle.db, sql`EXPLAIN ANALYZE ${pageIdsSql(s.query, { limit: s.query.size, offset: (s.query.page - 1) * s.query.size })}`);
      console.log(plan.map((r) => Object.values(r)[0]).join("\n"));
    }
    const { median, p95, max } = stats(samples);
    worst = Math.max(worst, median);
    const flag = median > BUDGET_MS ? "  ← over budget" : "";
    console.log(
      `${s.name.padEnd(46)} ${String(first.total).padStart(6)} ${median.toFixed(1).padStart(6)}ms ${p95.toFixed(1).padStart(6)}ms ${max.toFixed(1).padStart(6)}ms${flag}`,
    );
  }
  return worst;
}

async function main() {
  const results: [string, number][] = [];
  const drivers = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",");
  if (drivers.includes("pglite")) {
    const lite = await openDatabase({ dataDir: null });
    try {
      results.push(["PGlite", await bench("PGlite (embedded, in memory)", lite)]);
    } finally {
      await lite.close();
    }
  }
  if (!drivers.includes("postgres")) return report(results);

  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const name = `avtal_bench_${randomBytes(5).toString("hex")}`;
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`\nPostgreSQL not reachable at ${serverUrl.replace(/\/\/[^@]*@/, "//")}: skipped (${(error as Error).message})`);
    await admin.end();
    return report(results);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ url: url.toString() });
  try {
    results.push([`PostgreSQL ${await serverVersion(pg.db)}`, await bench(`PostgreSQL (${url.host})`, pg)]);
  } finally {
    await pg.close();
    // BENCH_KEEP=1 keeps the generated database for EXPLAIN ANALYZE.
    if (process.env.BENCH_KEEP === "1") console.log(`kept database ${url.toString().replace(/\/\/[^@]*@/, "//")}`);
    else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  report(results);
}

async function serverVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string }>(db, sql`SELECT current_setting('server_version') AS v`);
  return row?.v ?? "";
}

function report(results: [string, number][]) {
  console.log("");
  for (const [label, worst] of results) {
    console.log(`${label}: slowest median ${worst.toFixed(1)} ms (budget ${BUDGET_MS} ms) ${worst <= BUDGET_MS ? "OK" : "OVER BUDGET"}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
