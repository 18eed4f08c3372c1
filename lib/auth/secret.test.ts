import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The secret is resolved once per process from the environment, so each case runs in its own.
function resolveIn(env: Record<string, string>) {
  const script = `import("./lib/auth/secret.ts").then((m) => { console.log("SECRET=" + (m.resolveAuthSecret ?? m.default.resolveAuthSecret)()); }).catch((e) => { console.error("ERROR=" + e.message); process.exit(1); })`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["AUTH_SECRET", "DATABASE_URL", "NODE_ENV", "DATA_DIR", "NEXT_PHASE"].includes(k)));
  return spawnSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: process.cwd(), env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: "utf8" });
}

describe("AUTH_SECRET", () => {
  it("is required in production with a server database, with a message that says what to do", () => {
    const result = resolveIn({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/avtal" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("ERROR=AUTH_SECRET is not set. Set it to a random string of at least 32 characters");
  });

  it("must be at least 32 characters when given", () => {
    const result = resolveIn({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/avtal", AUTH_SECRET: "too-short" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET must be at least 32 characters");
  });

  it("is generated once and kept in the data folder for the embedded demo", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-secret-"));
    const first = resolveIn({ NODE_ENV: "production", DATA_DIR: dir });
    const second = resolveIn({ NODE_ENV: "production", DATA_DIR: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/SECRET=\S{32,}/);
    expect(second.stdout).toBe(first.stdout);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
