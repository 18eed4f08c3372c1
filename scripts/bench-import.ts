// How fast the CSV import writes 20,000 rows, and how the rest of the app answers meanwhile:
// a sign-in (argon2 and its transaction) and a simple query through the same database handle
// are timed while the import runs. On PGlite (one connection) they wait for the import's write
// transaction; the import keeps it short by checking every row before it (yielding to the
// event loop) and writing set-based. Prints the figures; it is not a timed test.
//
//   npm run bench:import                   # PGlite, and PostgreSQL at BENCH_DATABASE_URL / TEST_DATABASE_URL when reachable
//   BENCH_ROWS=5000 BENCH_DRIVERS=pglite npm run bench:import
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from "../db/client";
import { users } from "../db/schema";
import { DEMO_PASSWORD, seedDatabase } from "../db/seed";
import { attemptSignIn } from "../lib/auth/sign-in";
import { runImport } from "../lib/import/run";

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
const KINDS = ["twin_city", "partnership", "other"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function bench(label: string, handle: DbHandle) {
  const { db } = handle;
  await migrateDatabase(handle);
  await seedDatabase(db, { demoUsers: true });
  const kommuner = await queryRows<{ name: string }>(db, sql`SELECT name FROM organizations WHERE kind = 'kommun' ORDER BY official_code`);
  // Distinct (kommun, foreign party, kind) triples; the foreign parties are new, so the import creates them too.
  const rows: Record<string, string>[] = [];
  for (let i = 0; rows.length < ROWS; i++) {
    const k = kommuner[i % kommuner.length]!.name;
    const round = Math.floor(i / kommuner.length);
    rows.push({
      swedish_party: k,
      foreign_party: `Benchstad ${Math.floor(round / KINDS.length)}`,
      kind: KINDS[round % KINDS.length]!,
      established: `${1980 + (i % 40)}-${String((i % 12) + 1).padStart(2, "0")}`,
      designation: `Avtal ${i}`,
      areas: "utbildning; kultur",
    });
  }
  const [analyst] = await db.select().from(users).where(sql`'analyst' = ANY(${users.roles}) AND ${users.isDemo}`);
  const ctx = { db, user: { id: analyst!.id, roles: analyst!.roles, organizationId: null } };

  const queryLatencies: number[] = [];
  const signInLatencies: number[] = [];
  let running = true;
  const probeQueries = (async () => {
    while (running) {
      const t0 = performance.now();
      await db.select({ id: users.id }).from(users).where(eq(users.email, analyst!.email));
      queryLatencies.push(performance.now() - t0);
      await sleep(50);
    }
  })();
  const probeSignIns = (async () => {
    while (running) {
      const t0 = performance.now();
      const outcome = await attemptSignIn(db, { email: analyst!.email, password: DEMO_PASSWORD, ip: null });
      if (!outcome.ok) throw new Error(`sign-in failed during the bench: ${outcome.reason}`);
      signInLatencies.push(performance.now() - t0);
      await sleep(250);
    }
  })();

  let writeStarted = 0;
  const t0 = performance.now();
  const outcome = await runImport({
    ctx,
    rows,
    fileName: "bench.csv",
    onProgress: ({ phase }) => {
      if (phase === "writing" && !writeStarted) writeStarted = performance.now();
    },
  });
  const total = performance.now() - t0;
  running = false;
  await Promise.all([probeQueries, probeSignIns]);
  if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome).slice(0, 500)}`);

  const [{ n }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM agreements WHERE designation LIKE 'Avtal %'`)) as [{ n: number }];
  const result = {
    label,
    rows: outcome.created.length,
    stored: n,
    seconds: total / 1000,
    rowsPerSecond: Math.round(outcome.created.length / (total / 1000)),
    query: { n: queryLatencies.length, p50: percentile(queryLatencies, 50), max: Math.max(...queryLatencies) },
    signIn: { n: signInLatencies.length, p50: percentile(signInLatencies, 50), max: Math.max(...signInLatencies) },
  };
  console.log(
    `\n${label}\n  ${result.rows} rows imported in ${result.seconds.toFixed(1)} s = ${result.rowsPerSecond} rows/s` +
      ` (checking ${(((writeStarted || performance.now()) - t0) / 1000).toFixed(1)} s, writing ${writeStarted ? ((t0 + total - writeStarted) / 1000).toFixed(1) : "?"} s)` +
      `\n  simple query during the import: ${result.query.n} runs, median ${result.query.p50.toFixed(0)} ms, max ${result.query.max.toFixed(0)} ms` +
      `\n  sign-in during the import:      ${result.signIn.n} runs, median ${result.signIn.p50.toFixed(0)} ms, max ${result.signIn.max.toFixed(0)} ms`,
  );
  if (result.stored !== ROWS) throw new Error(`expected ${ROWS} stored agreements, found ${result.stored}`);
  return result;
}

async function main() {
  const drivers = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",");
  if (drivers.includes("pglite")) {
    const lite = await openDatabase({ dataDir: null });
    try {
      await bench("PGlite (embedded, in memory)", lite);
    } finally {
      await lite.close();
    }
  }
  if (!drivers.includes("postgres")) return;
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const name = `avtal_bench_${randomBytes(5).toString("hex")}`;
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`\nPostgreSQL not reachable at ${serverUrl.replace(/\/\/[^@]*@/, "//")}: skipped (${(error as Error).message})`);
    await admin.end();
    return;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ url: url.toString() });
  try {
    await bench(`PostgreSQL (${url.host})`, pg);
  } finally {
    await pg.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
