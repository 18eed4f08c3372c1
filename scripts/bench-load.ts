// npm run bench:load — the public pages under a spike. For each driver (an embedded PGlite folder;
// a throw-away database on the PostgreSQL server at BENCH_DATABASE_URL or TEST_DATABASE_URL),
// fills a database with 10,000 generated agreements, starts the production server on it (two
// instances on PostgreSQL, one on PGlite: a PGlite folder is opened by one process), drives the
// public dashboard, the register and a data download with autocannon and prints req/s and
// p50/p95/p99, then writes one change through the app (an import, as an analyst) and prints how
// long until every instance serves it.
//
//   needs a production build (npm run build); BENCH_DRIVERS=pglite,postgres BENCH_AGREEMENTS=10000
//   BENCH_EVENTS=100000 BENCH_SECONDS=10 BENCH_CONNECTIONS=20 BENCH_PORT=3161
import { spawn, type ChildProcess } from "node:child_process";
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
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3161);
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
  const name = `avtal_bench_load_${randomBytes(4).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await fill(handle);
  await handle.close();
  return {
    env: { DATABASE_URL: url.toString(), SEED_DEMO_USERS: "1", AUTH_SECRET: randomBytes(32).toString("hex"), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "avtal-bench-dir-")) },
    instances: 2,
    cleanup: async () => {
      const c = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await c.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
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

async function drive(port: number, target: { name: string; path: string }) {
  const url = `http://127.0.0.1:${port}${target.path}`;
  for (let i = 0; i < 3; i++) await (await fetch(url)).arrayBuffer(); // warm: the first request fills the cache
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS }, (error, r) => (error ? reject(error) : resolve(r)));
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

async function changeAndWait(ports: number[]) {
  const cookie = await signIn(ports[0]!);
  const marker = `Bench ${randomBytes(3).toString("hex")}`;
  const base = `http://127.0.0.1:${ports[0]}`;
  const t0 = performance.now();
  const res = await fetch(`${base}/api/agreements/import`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ mode: "commit", rows: [{ swedish_party: "Mora", foreign_party: "Province 1", kind: "other", designation: marker }] }),
  });
  const text = await res.text();
  if (!text.includes('"ok":true')) throw new Error(`the change was refused: ${res.status} ${text.slice(0, 300)}`);
  const written = performance.now();
  const seen = await Promise.all(
    ports.map(async (port) => {
      for (;;) {
        const body = await (await fetch(`http://127.0.0.1:${port}/avtal?q=${encodeURIComponent(marker)}`)).text();
        if (body.includes(marker)) return performance.now();
        await sleep(20);
      }
    }),
  );
  console.log(`  one change (an import, committed in ${(written - t0).toFixed(0)} ms): served by all ${ports.length} instance(s) ${(Math.max(...seen) - written).toFixed(0)} ms after the commit`);
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Build first: npm run build");
  console.log(`bench:load — ${AGREEMENTS} agreements, ${EVENTS} events, ${CONNECTIONS} connections, ${SECONDS} s per target, ${os.cpus().length} cores`);
  for (const driver of DRIVERS) {
    console.log(`\n[${driver}]`);
    const { env, instances, cleanup } = await prepare(driver);
    const ports = Array.from({ length: instances }, (_, i) => BASE_PORT + i);
    const servers: ChildProcess[] = [];
    try {
      for (const port of ports) servers.push(await startServer(port, env));
      for (const target of TARGETS) await drive(ports[0]!, target);
      await changeAndWait(ports);
      await drive(ports[0]!, TARGETS[0]!);
    } finally {
      for (const s of servers) s.kill("SIGTERM");
      await sleep(1500);
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
