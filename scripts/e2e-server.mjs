#!/usr/bin/env node
// The app as the end-to-end tests see it: a fresh embedded database in .data/e2e, seeded with
// the report's dataset and the demo accounts. Refuses a DATABASE_URL that is not local, so
// the suite can never write into a real registry. E2E_STORAGE=s3 keeps the attachments in an
// S3-compatible server (s3rver, its bucket under .data/e2e-s3) started here, instead of the folder.
// Mail goes to a real SMTP server started here (scripts/test-smtp.mjs: smtp-server + mailparser):
// every message it receives is written as a JSON file under .data/e2e-mail, where the specs read
// it (e2e/mailbox.ts). SMTP_URL points the app at it.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { startTestSmtp } from "./test-smtp.mjs";

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
const mailDir = path.join(root, ".data", "e2e-mail");
fs.rmSync(mailDir, { recursive: true, force: true });
fs.mkdirSync(mailDir, { recursive: true });
let received = 0;
const smtp = await startTestSmtp({
  onMessage(message) {
    received += 1;
    const name = `${Date.now()}-${String(received).padStart(4, "0")}.json`;
    // Written whole, then renamed: a reader never sees half a message.
    fs.writeFileSync(path.join(mailDir, `.${name}`), JSON.stringify(message, null, 2));
    fs.renameSync(path.join(mailDir, `.${name}`), path.join(mailDir, name));
  },
});
Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: "Avtalsregistret <no-reply@e2e.avtalsregistret.test>" });
console.log(`[e2e] mail to ${smtp.url}, written to ${mailDir}`);
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", async (code) => {
  await s3?.close();
  await smtp.close();
  process.exit(code ?? 0);
});
