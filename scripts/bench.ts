// npm run bench — the dashboard at scale. For each driver (embedded PGlite in memory, and a
// throw-away database on the PostgreSQL server at TEST_DATABASE_URL), fills a fresh database with
// generated data of the report's shape (10,000 agreements, 200,000 status events, 50 years), then
// times, per series, the app's own computation (the lib function the page calls) against the
// best plain SQL written by hand for the same numbers (the floor), checks that both give the same
// numbers, and times the dashboard page's data (every series together, as the page loads them).
//
//   BENCH_DRIVERS=pglite,postgres  BENCH_AGREEMENTS=10000  BENCH_EVENTS=200000  BENCH_RUNS=7
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, queryRows, type Db, type DbHandle, type Driver } from "../db/client";
import { seedDatabase } from "../db/seed";
// Same default as db/testing.ts (which imports vitest, so it cannot be imported here).
const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
import { changesPerYear } from "../lib/dashboard/changes";
import { curationMetrics } from "../lib/dashboard/curation";
import { drilldown } from "../lib/dashboard/drilldown";
import { inForcePerYear } from "../lib/dashboard/in-force";
import { nowCounts } from "../lib/dashboard/now";
import { computeDashboard } from "../lib/dashboard/page-data";
import type { DashboardQuery } from "../lib/dashboard/query";
import { generateBenchData, type BenchShape } from "./bench-data";
import { FLOORS } from "./bench-floors";
import { STAFF_READER } from "../lib/dashboard/test-fixtures";

const shape: BenchShape = {
  agreements: Number(process.env.BENCH_AGREEMENTS ?? 10_000),
  events: Number(process.env.BENCH_EVENTS ?? 200_000),
  firstYear: 1972,
  lastYear: 2021,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DRIVERS = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",") as Driver[];

const q: DashboardQuery = { from: shape.firstYear, to: shape.lastYear, asOf: null, recordedOn: null, filters: {} };

interface Case {
  name: string;
  app: (db: Db) => Promise<unknown>;
  /** The floor's key in scripts/bench-floors.ts, and the normaliser both answers go through. */
  floor: keyof typeof FLOORS;
  /** Plain SQL computing the same numbers from status_events alone, without the derived timeline table. */
  rawFloor?: keyof typeof FLOORS;
}

const sortLines = (lines: string[]) => lines.sort().join("\n");
type Row = Record<string, unknown>;
const lines = (rows: Row[], keys: string[]) =>
  sortLines(rows.filter((r) => Number(r.count) !== 0).map((r) => keys.map((k) => String(r[k] ?? "null")).join("|") + "|" + Number(r.count)));

/** Puts an app result in the floor's shape: sorted lines of values. */
const NORMALISE: Record<string, (result: unknown) => string> = {
  inForce: (r) => lines(r as Row[], ["year", "kind", "state"]),
  changes: (r) => {
    const c = r as { byInitiator: Row[]; byReason: Row[] };
    return sortLines([
      ...lines(c.byInitiator, ["year", "change", "initiator"]).split("\n").map((l) => `i|${l}`),
      ...lines(c.byReason, ["year", "change", "reason"]).split("\n").map((l) => `r|${l}`),
    ]);
  },
  now: (r) => lines(r as Row[], ["dimension", "value", "state"]),
  curation: (r) => {
    const c = r as Awaited<ReturnType<typeof curationMetrics>>;
    return JSON.stringify({
      months: c.eventsPerMonth.map((m) => `${m.month}|${m.added}|${m.corrections}`).join(","),
      proposals: c.proposalsPerMonth.map((m) => `${m.month}|${m.opened}|${m.approved}|${m.rejected}`).join(","),
      totals: [c.proposals.open, c.proposals.approved, c.proposals.rejected, c.proposals.withdrawn, c.proposals.medianDaysToReview].join("|"),
      sources: [c.liveEvents, c.sourcedEvents, c.agreements, c.agreementsWithoutSource].join("|"),
    });
  },
  drilldown: (r) => String((r as { total: number }).total),
};

const asOf = "2010-06-30";
const recordedOn = "2024-01-01";
const recordedLate = "2025-12-30";
const CASES: Case[] = [
  { name: "in force per year (1972–2021)", app: (db) => inForcePerYear(db, q), floor: "inForce", rawFloor: "inForceRaw" },
  { name: "terminations and pauses per year", app: (db) => changesPerYear(db, q), floor: "changes" },
  { name: "now: by state, kind, party, county, province, reason", app: (db) => nowCounts(db, q), floor: "now", rawFloor: "nowRaw" },
  { name: "curation", app: (db) => curationMetrics(db, q), floor: "curation" },
  { name: `in force per year, as of ${asOf}`, app: (db) => inForcePerYear(db, { ...q, asOf }), floor: "inForceAsOf" },
  { name: `now, as of ${asOf}`, app: (db) => nowCounts(db, { ...q, asOf }), floor: "nowAsOf" },
  { name: "now, county 01 + twin-city agreements", app: (db) => nowCounts(db, { ...q, filters: { county: "01", kind: "twin_city" } }), floor: "nowFiltered" },
  {
    name: `in force per year, as recorded on ${recordedOn} (~half since)`,
    app: (db) => inForcePerYear(db, { ...q, recordedOn }),
    floor: "inForceRecorded",
  },
  {
    name: `in force per year, as recorded on ${recordedLate} (~3% since)`,
    app: (db) => inForcePerYear(db, { ...q, recordedOn: recordedLate }),
    floor: "inForceRecordedLate",
  },
  {
    name: "drill-down: twin-city agreements in force in 2016",
    app: (db) => drilldown(db, STAFF_READER, { series: "inForce", from: q.from, to: q.to, year: 2016, kind: "twin_city" }),
    floor: "drilldown",
  },
];

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(6);

async function openFresh(driver: Driver): Promise<DbHandle> {
  if (driver === "pglite") return openDatabase({ dataDir: null });
  const serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const name = `avtal_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function benchDriver(driver: Driver): Promise<boolean> {
  const handle = await openFresh(driver);
  let ok = true;
  try {
    const db = handle.db;
    await migrateDatabase(handle);
    await seedDatabase(db, { demoUsers: false });
    const filled = await time(() => generateBenchData(db, shape));
    const [counts] = await queryRows<{ agreements: number; events: number; timeline: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM agreements)::int AS agreements, (SELECT count(*) FROM status_events)::int AS events, (SELECT count(*) FROM status_timeline)::int AS timeline`,
    );
    console.log(
      `\n== ${driver} ==  ${counts!.agreements} agreements, ${counts!.events} status events (${filled.result.corrections} corrections), ` +
        `${counts!.timeline} timeline rows, ${filled.result.eventSources} event sources, ${filled.result.proposals} proposals; filled in ${(filled.ms / 1000).toFixed(1)} s`,
    );
    console.log(`${"series".padEnd(58)} ${"app ms".padStart(6)} ${"floor".padStart(6)} ${"ratio".padStart(6)} ${"raw log".padStart(8)}  same numbers`);

    for (const c of CASES) {
      const floor = FLOORS[c.floor];
      const candidates = Array.isArray(floor.sql) ? floor.sql : [floor.sql];
      const rawSql = c.rawFloor ? FLOORS[c.rawFloor].sql : undefined;
      const appTimes: number[] = [];
      const floorTimes = candidates.map(() => [] as number[]);
      const rawTimes: number[] = [];
      // One warm-up each, then alternate.
      let appResult = (await time(() => c.app(db))).result;
      const floorRows = await Promise.all(candidates.map((text) => queryRows<Row>(db, sql.raw(text))));
      if (typeof rawSql === "string") await queryRows<Row>(db, sql.raw(rawSql));
      for (let i = 0; i < RUNS; i++) {
        const a = await time(() => c.app(db));
        appTimes.push(a.ms);
        appResult = a.result;
        for (const [k, text] of candidates.entries()) floorTimes[k]!.push((await time(() => queryRows<Row>(db, sql.raw(text)))).ms);
        if (typeof rawSql === "string" && i < Math.min(RUNS, 3)) rawTimes.push((await time(() => queryRows<Row>(db, sql.raw(rawSql)))).ms);
      }
      const appNumbers = NORMALISE[floor.shape]!(appResult);
      const same = floorRows.every((rows) => floor.normalise(rows) === appNumbers);
      if (!same) ok = false;
      const app = median(appTimes);
      const best = Math.min(...floorTimes.map(median));
      console.log(
        `${c.name.padEnd(58)} ${fmt(app)} ${fmt(best)} ${(app / best).toFixed(2).padStart(6)} ${rawTimes.length ? fmt(median(rawTimes)).padStart(8) : "       –"}  ${same ? "yes" : "NO"}`,
      );
    }

    const pageTimes: number[] = [];
    await computeDashboard(db, q);
    for (let i = 0; i < RUNS; i++) pageTimes.push((await time(() => computeDashboard(db, q))).ms);
    console.log(`${"dashboard page: every series + report figures, together".padEnd(58)} ${fmt(median(pageTimes))}`);

    // The price of the derived timeline: one event inserted, its agreement's rows recomputed by the trigger.
    const [target] = await queryRows<{ agreement_id: string; recorded_by: string }>(db, sql`SELECT agreement_id, recorded_by FROM status_events ORDER BY seq DESC LIMIT 1`);
    const inserts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      inserts.push(
        (
          await time(() =>
            db.execute(
              sql`INSERT INTO status_events (agreement_id, status, effective_on, effective_precision, recorded_by) VALUES (${target!.agreement_id}, 'dormant', '2021-01-01', 'year', ${target!.recorded_by})`,
            ),
          )
        ).ms,
      );
    }
    console.log(`${"insert one status event (with the timeline's upkeep)".padEnd(58)} ${fmt(median(inserts))}`);
    console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (${os.cpus().length} CPUs)`);
  } finally {
    await handle.close();
  }
  return ok;
}

async function main() {
  console.log(`Dashboard benchmark: median of ${RUNS} runs after a warm-up; milliseconds. "floor": the best plain SQL for the same numbers`);
  console.log(`(scripts/bench-floors.ts; the fastest of its candidates); "raw log": plain SQL from status_events alone, without the`);
  console.log(`derived timeline table. Load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
  let ok = true;
  for (const driver of DRIVERS) {
    try {
      ok = (await benchDriver(driver)) && ok;
    } catch (error) {
      if (driver === "postgres" && /ECONNREFUSED|connect/.test(String(error))) console.log(`\n== postgres == not reachable: ${String(error)}`);
      else throw error;
    }
  }
  if (!ok) {
    console.error("\nSome series gave other numbers than their floor: see the rows marked NO.");
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
