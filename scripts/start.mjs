#!/usr/bin/env node
// `npm start`: builds the app when there is no build of the current sources, then serves it.
// The server migrates and seeds its database at start (instrumentation.ts). `--build-only`:
// build when needed and exit (what the benchmarks and the two-instance test call first).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const stampFile = path.join(root, ".next", "source-stamp");

// Folders and files that are not sources of the build, or that the build itself writes.
const IGNORED = new Set([".next", "node_modules", ".data", ".git", "test-results", "playwright-report", "screenshots", "e2e", "e2e-instances", "docs", "scripts", "next-env.d.ts"]);
// Files that no page or route imports: tests and prose.
const IGNORED_SUFFIXES = [".tsbuildinfo", ".test.ts", ".md"];

function sourceStamp() {
  // Hash of every tracked and untracked source file's path, size and mtime: cheap, and changes with any edit.
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (IGNORED.has(entry.name) || IGNORED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix))) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const st = fs.statSync(full);
        hash.update(`${path.relative(root, full)}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return hash.digest("hex");
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const stamp = sourceStamp();
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
if (!built) {
  console.log("[avtalsregistret] building the app (first start or changed sources)...");
  const result = spawnSync(bin("next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, stamp);
}
if (process.argv.includes("--build-only")) process.exit(0);
const port = process.env.PORT || "3000";
console.log(`[avtalsregistret] starting at http://localhost:${port}`);
// scripts/server.mjs rather than `next start`: it decides the client's address (TRUSTED_PROXIES)
// and shuts down gracefully (exit 0 once requests, hooks and the database are done).
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
