#!/usr/bin/env node
// The app as the end-to-end tests see it: a fresh embedded database in .data/e2e, seeded with
// the report's dataset and the demo accounts. Refuses a DATABASE_URL that is not local, so
// the suite can never write into a real registry. E2E_STORAGE=s3 keeps the attachments in an
// S3-compatible server (s3rver, its bucket under .data/e2e-s3) started here, instead of the folder.
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
for (const key of Object.keys(env)) if (key.startsWith("S3_")) delete env[key];
let s3 = null;
if (process.env.E2E_STORAGE === "s3") {
  const { default: S3rver } = await import("s3rver");
  const directory = path.join(root, ".data", "e2e-s3");
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: "e2e-attachments", configs: [] }] });
  const { port } = await s3.run();
  Object.assign(env, {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: "e2e-attachments",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "1",
  });
  console.log(`[e2e] attachments in s3rver at http://127.0.0.1:${port}, bucket e2e-attachments (${directory})`);
}
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", async (code) => {
  await s3?.close();
  process.exit(code ?? 0);
});
