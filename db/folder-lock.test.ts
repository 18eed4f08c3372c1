import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { FolderInUseError, folderHolder, lockFileOf, lockFolder } from "./folder-lock";

// node --import tsx: one process (the tsx CLI would put a wrapper process in between, with another pid).
const node = (args: string[]) => [process.execPath, ["--import", "tsx", ...args]] as const;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-lock-"));
const folder = path.join(dataDir, "pglite");
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A process holding the folder as the app does (db/testing/folder-holder.ts), driven line by line. */
function holder() {
  const child = spawn(...node(["db/testing/folder-holder.ts", folder]), { env: { ...process.env, NODE_ENV: "test" } });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = out.match(pattern);
        if (m) return resolve(m);
        if (child.exitCode !== null) return reject(new Error(`holder exited ${child.exitCode}: ${err}`));
        setTimeout(check, 20);
      };
      check();
    });
  return {
    child,
    waitFor,
    send: (line: string) => child.stdin.write(`${line}\n`),
    lastWrite: () => Math.max(0, ...[...out.matchAll(/wrote (\d+)/g)].map((m) => Number(m[1]))),
  };
}

/** Runs a script as its own process (asynchronously: several at once, and the holder keeps running). */
function runScript(script: string, extraEnv: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test", ...extraEnv };
  delete env.DATABASE_URL;
  const args = [script, ...(script.includes("create-admin") ? ["--email", "second@example.se", "--name", "Second"] : [])];
  return new Promise((resolve) => {
    const child = spawn(...node(args), { env });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("a PGlite folder is held by one process", () => {
  afterEach(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });
  it("refuses db:migrate and create-admin while the app holds the folder, and the app's later writes stay", async () => {
    const app = holder();
    await app.waitFor(/ready/);
    app.send("write");
    await app.waitFor(/wrote 1/);

    const runs = await Promise.all(["scripts/migrate.ts", "scripts/create-admin.ts"].map((script) => runScript(script, { ADMIN_PASSWORD: "a-long-enough-password" })));
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`is in use by another process (app, pid ${app.child.pid}`);
      expect(run.stdout).not.toMatch(/created|\{/);
    }

    app.send("write");
    await app.waitFor(/wrote 2/);
    app.send("exit");
    await new Promise((resolve) => app.child.once("exit", resolve));
    expect(fs.existsSync(lockFileOf(folder))).toBe(false);

    const again = holder();
    again.send("count");
    await expect(again.waitFor(/count (\d+)/)).resolves.toContain("count 2");
    again.send("exit");
    await new Promise((resolve) => again.child.once("exit", resolve));
  }, 240_000);

  it("opens again after the holder is killed with SIGKILL in the middle of writing, with every committed row", async () => {
    const app = holder();
    await app.waitFor(/ready/);
    app.send("spam");
    await app.waitFor(/wrote 40\b/);
    app.child.kill("SIGKILL");
    await new Promise((resolve) => app.child.once("exit", resolve));
    const committed = app.lastWrite();
    expect(fs.existsSync(lockFileOf(folder))).toBe(true); // left behind by the dead holder
    expect(folderHolder(folder)).toBeNull();

    const next = holder();
    next.send("count");
    const [, n] = await next.waitFor(/count (\d+)/);
    expect(Number(n)).toBeGreaterThanOrEqual(committed);
    expect(folderHolder(folder)?.pid).toBe(next.child.pid);
    next.child.kill("SIGKILL");
    await new Promise((resolve) => next.child.once("exit", resolve));
  }, 240_000);
});

describe("lockFolder", () => {
  const dir = () => fs.mkdtempSync(path.join(dataDir, "unit-"));

  it("refuses a second lock in the same process and a live holder's lock, and names the holder", () => {
    const f = path.join(dir(), "db");
    const release = lockFolder(f, "app");
    expect(() => lockFolder(f, "backup")).toThrow(FolderInUseError);
    const live = path.join(dir(), "db");
    fs.writeFileSync(lockFileOf(live), JSON.stringify({ pid: process.ppid, host: os.hostname(), startTicks: null, since: "2026-01-01T00:00:00Z", purpose: "app" }));
    expect(() => lockFolder(live, "db:migrate")).toThrow(new RegExp(`app, pid ${process.ppid}`));
    release();
    expect(fs.existsSync(lockFileOf(f))).toBe(false);
  });

  it("takes over the lock of a dead process and of a reused pid, but never another machine's", () => {
    const cases = [
      { pid: 2 ** 22 + 7, host: os.hostname(), startTicks: "1" }, // no such process
      { pid: process.ppid, host: os.hostname(), startTicks: "not-its-start-time" }, // pid reused since
    ];
    for (const c of cases) {
      const f = path.join(dir(), "db");
      fs.writeFileSync(lockFileOf(f), JSON.stringify({ ...c, since: "2026-01-01T00:00:00Z", purpose: "app" }));
      const release = lockFolder(f, "app");
      expect(JSON.parse(fs.readFileSync(lockFileOf(f), "utf8")).pid).toBe(process.pid);
      release();
    }
    const f = path.join(dir(), "db");
    fs.writeFileSync(lockFileOf(f), JSON.stringify({ pid: 1, host: "another-machine", startTicks: null, since: "x", purpose: "app" }));
    expect(() => lockFolder(f, "app")).toThrow(/on another-machine/);
  });
});
