#!/usr/bin/env node
// Two instances of the built app on one PostgreSQL database, as a deployment runs them: the
// web server of playwright.instances.config.ts. Creates a fresh local database, an S3-compatible
// bucket (s3rver) and an SMTP server (smtp-server) that writes every message it receives under
// .data/instances/mail; builds the app when needed; starts both instances at once
// (they take turns migrating: db/client.ts whileHoldingStartupLock) and answers 200 on
// INSTANCES_READY_PORT once both serve /login. Ports: INSTANCES_PORTS (default 3181,3182).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const ports = (process.env.INSTANCES_PORTS ?? "3181,3182").split(",").map(Number);
const readyPort = Number(process.env.INSTANCES_READY_PORT ?? 3183);
const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
// A database of its own each run (other runs, e.g. a CI on the same server, keep theirs); dropped at the end.
const dbName = `avtal_two_instances_${Date.now().toString(36)}`;
const work = path.join(root, ".data", "instances");

if (!["localhost", "127.0.0.1", "::1"].includes(new URL(serverUrl).hostname)) {
  console.error("Refusing to run the two-instance test against a non-local database.");
  process.exit(1);
}
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, "mail"), { recursive: true });

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${dbName}`);
await admin.end();
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();

fs.mkdirSync(path.join(work, "s3"), { recursive: true });
const { default: S3rver } = await import("s3rver");
const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(work, "s3"), configureBuckets: [{ name: "instances", configs: [] }] });
const { port: s3Port } = await s3.run();

// A real SMTP server (smtp-server, a dev dependency) that writes every message it receives under .data/instances/mail.
const { SMTPServer } = await import("smtp-server");
let mailCount = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      fs.writeFileSync(path.join(work, "mail", `${String(++mailCount).padStart(4, "0")}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = smtp.server.address().port;

// A build of the current sources (scripts/start.mjs decides, as npm start does).
const built = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs"), "--build-only"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
if (built.status !== 0) process.exit(built.status ?? 1);

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: "two-instances-test-secret-0123456789abcdef",
  SEED_DEMO_USERS: "1",
  DATA_DIR: path.join(work, "data"),
  S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
  S3_BUCKET: "instances",
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
  S3_FORCE_PATH_STYLE: "1",
  APP_URL: `http://localhost:${ports[0]}`,
  SMTP_FROM: "Avtalsregistret <noreply@avtal.test>",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
};
fs.writeFileSync(path.join(work, "run.json"), JSON.stringify({ databaseUrl, ports, smtp: true, s3Dir: path.join(work, "s3") }));

const instances = ports.map((port) => {
  // Each instance its own DATA_DIR: nothing may depend on one machine's disk. The production
  // server (scripts/server.mjs), as npm start runs it.
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, PORT: String(port), DATA_DIR: path.join(work, `data-${port}`) },
  });
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (d) => process.stdout.write(`[${port}] ${d}`));
  child.on("exit", (code) => {
    console.log(`[instances] instance on ${port} exited with ${code}`);
    if (!stopping) stop(1);
  });
  return child;
});

const answers = async (port) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/login`)).status === 200;
  } catch {
    return false;
  }
};
const ready = http.createServer(async (_req, res) => {
  const all = (await Promise.all(ports.map(answers))).every(Boolean);
  res.writeHead(all ? 200 : 503).end(all ? "ready" : "starting");
});
ready.listen(readyPort, "127.0.0.1");

let stopping = false;
async function stop(code = 0) {
  stopping = true;
  for (const child of instances) child.kill("SIGTERM");
  ready.close();
  await Promise.all(instances.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
  await s3.close().catch(() => {});
  smtp.close();
  const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await cleanup.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await cleanup.end();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(0));
