// npm run bench:load — the public pages under a spike. For each driver (an embedded PGlite folder;
// a throw-away database on the PostgreSQL server at BENCH_DATABASE_URL or TEST_DATABASE_URL),
// fills a database with 10,000 generated agreements, starts the production server on it (two
// instances on PostgreSQL, one on PGlite: a PGlite folder is opened by one process), drives the
// public dashboard, the register and a data download with autocannon and prints req/s and
// p50/p95/p99, then writes one change through the app (an import, as an analyst) and prints how
// long until every instance serves it.
//
//   builds the app when needed (as npm start does); BENCH_DRIVERS=pglite,postgres BENCH_AGREEMENTS=10000
//   BENCH_EVENTS=100000 BENCH_SECONDS=10 BENCH_CONNECTIONS=20 BENCH_PORT=3131
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import postgres from "postgres";
import { migrateDatabase, openDatabase, type DbHandle, type Driver } from "../db/client";
import { DEMO_PASSWORD, seedDatabase } from "../db/seed";
import { generateBenchData } from "./bench-data";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const DRIVERS = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",") as Driver[];
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3131);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ANALYST = "analytiker@demo.avtalsregistret.se";
const TARGETS = [
  { name: "public dashboard", path: "/statistik" },
  { name: "register", path: "/avtal" },
  { name: "register search", path: "/avtal?q=city+1" },
  { name: "data download (agreements.csv)", path: "/data/current/agreements.csv" },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fill(handle: DbHandle) {
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { demoUsers: true });
  const t = performance.now();
  const r = await generateBenchData(handle.db, { agreements: AGREEMENTS, events: EVENTS, firstYear: 1972, lastYear: 2021 });
  console.log(`  filled: ${r.agreements} agreements, ${r.events} events in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

async function prepare(driver: Driver): Promise<{ env: Record<string, string>; instances: number; cleanup: () => Promise<void> }> {
  if (driver === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-bench-load-"));
    const handle = await openDatabase({ dataDir: path.join(dir, "pglite") });
    await fill(handle);
    await handle.close();
    return { env: { DATA_DIR: dir, SEED_DEMO_USERS: "1" }, instances: 1, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  // BENCH_KEEP_DATABASE=<name>: a database of that name, filled on the first run and kept (for profiling).
  const kept = process.env.BENCH_KEEP_DATABASE;
  const name = kept ?? `avtal_bench_load_${randomBytes(4).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  const exists = kept ? (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0 : false;
  if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  if (!exists) {
    const handle = await openDatabase({ url: url.toString() });
    await fill(handle);
    await handle.close();
  }
  return {
    env: { DATABASE_URL: url.toString(), SEED_DEMO_USERS: "1", AUTH_SECRET: randomBytes(32).toString("hex"), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "avtal-bench-dir-")) },
    instances: 2,
    cleanup: async () => {
      if (kept) return;
      const c = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await c.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // The production server, as npm start runs it.
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "server.mjs")], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`server on ${port} did not start`);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function drive(port: number, target: { name: string; path: string }, headers: Record<string, string> = {}) {
  const url = `http://127.0.0.1:${port}${target.path}`;
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm: the first request fills the cache
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const non2xx = result.non2xx;
  console.log(
    `  ${target.name.padEnd(32)} ${(result.requests.average).toFixed(0).padStart(6)} req/s   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms${non2xx ? `   (${non2xx} non-2xx)` : ""}`,
  );
}

/** Signs in through next-auth's credentials endpoint; returns the cookie header. */
async function signIn(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!, v.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ email: ANALYST, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${base}/agreements` }),
    redirect: "manual",
  });
  keep(res);
  return cookie();
}

/**
 * One change through the app (an import of one agreement, as the analyst: a background job that
 * commits in one transaction), then every instance's register polled every 20 ms until it lists
 * the new agreement. Printed: from the job's commit (its finishedAt, set in that transaction, on
 * this machine's clock) to the moment the last instance served it.
 */
async function changeAndWait(ports: number[]) {
  const cookie = await signIn(ports[0]!);
  const marker = `Bench ${randomBytes(3).toString("hex")}`;
  const base = `http://127.0.0.1:${ports[0]}`;
  const t0 = Date.now();
  const form = new FormData();
  form.set("mode", "commit");
  form.set("file", new Blob([`swedish_party,foreign_party,kind,designation\nMora,Province 1,other,${marker}\n`], { type: "text/csv" }), "bench.csv");
  const res = await fetch(`${base}/api/agreements/import`, { method: "POST", headers: { cookie, origin: base }, body: form });
  const started = (await res.json()) as { jobId?: string };
  if (res.status !== 202 || !started.jobId) throw new Error(`the change was refused: ${res.status} ${JSON.stringify(started).slice(0, 300)}`);
  const seen = await Promise.all(
    ports.map(async (port) => {
      for (;;) {
        const body = await (await fetch(`http://127.0.0.1:${port}/avtal?q=${encodeURIComponent(marker)}`)).text();
        // A row of the result table (the search box echoes the marker, so the text alone proves nothing).
        if (/href="\/avtal\/[a-z0-9-]+-[0-9a-f]{8}"/.test(body)) return Date.now();
        await sleep(20);
      }
    }),
  );
  const job = (await (await fetch(`${base}/api/agreements/import/${started.jobId}`, { headers: { cookie } })).json()) as { status: string; finishedAt: string | null };
  if (job.status !== "done" || !job.finishedAt) throw new Error(`the import job ended ${job.status}`);
  const committed = new Date(job.finishedAt).getTime();
  console.log(
    `  one change (an import job, committed ${committed - t0} ms after its request): served by all ${ports.length} instance(s) ${Math.max(...seen) - committed} ms after the commit (${seen.map((t) => `${t - committed} ms`).join(", ")})`,
  );
}

async function main() {
  // A build of the current sources (scripts/start.mjs decides, as npm start does).
  const built = spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.mjs"), "--build-only"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("the build failed");
  console.log(`bench:load — ${AGREEMENTS} agreements, ${EVENTS} events, ${CONNECTIONS} connections, ${SECONDS} s per target, ${os.cpus().length} cores`);
  for (const driver of DRIVERS) {
    console.log(`\n[${driver}]`);
    const { env, instances, cleanup } = await prepare(driver);
    const ports = Array.from({ length: instances }, (_, i) => BASE_PORT + i);
    const servers: ChildProcess[] = [];
    try {
      for (const port of ports) servers.push(await startServer(port, env));
      for (const target of TARGETS) await drive(ports[0]!, target);
      // The signed-in dashboard: its diagrams from the same cache, its curation figures computed per request.
      await drive(ports[0]!, { name: "staff dashboard (signed in)", path: "/dashboard" }, { cookie: await signIn(ports[0]!) });
      await changeAndWait(ports);
      // Right after the change: the first requests recompute under the new version.
      await drive(ports[0]!, TARGETS[0]!);
    } finally {
      // Each server finishes its requests and closes its database before the database is dropped.
      await Promise.all(servers.map((s) => new Promise((resolve) => (s.exitCode !== null || s.signalCode !== null ? resolve(null) : (s.once("exit", resolve), s.kill("SIGTERM"))))));
      await cleanup();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
