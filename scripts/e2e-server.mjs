#!/usr/bin/env node
// The app as the end-to-end tests see it: a fresh embedded database in .data/e2e, seeded with
// the report's dataset and the demo accounts. Refuses a DATABASE_URL that is not local, so
// the suite can never write into a real registry.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = { ...process.env, DATA_DIR: path.join(root, ".data", "e2e"), SEED_DEMO_USERS: "1", LOG_LEVEL: process.env.LOG_LEVEL || "warn" };
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) {
  const host = new URL(process.env.E2E_DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1"].includes(host)) {
    console.error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
    process.exit(1);
  }
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
}
fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
