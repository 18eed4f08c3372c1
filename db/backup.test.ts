import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outboxMessages, statusEvents, users } from "@/db/schema";
import { restoreBackup, writeBackup } from "./backup";
import { migrateDatabase, openDatabase, queryRows, type Db, type DbHandle } from "./client";
import { serveControlSocket } from "./control-socket";
import { seedDatabase } from "./seed";
import { describeEachDriver, openTestDatabase } from "./testing";

const APPEND_ONLY = ["status_events", "event_sources", "revisions", "audit_log", "field_claims", "claim_preferences", "proposal_versions", "proposal_comments"];

async function backupBytes(db: Db): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeBackup(db, out);
  return Buffer.concat(chunks);
}

/** Every public table's row count and a hash of its rows (PostgreSQL's canonical jsonb text, sorted). */
async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string | null }>> {
  const tables = await queryRows<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const { name } of tables) {
    const [r] = await queryRows<{ rows: number; md5: string | null }>(
      db,
      sql`SELECT count(*)::int AS rows, md5(string_agg(to_jsonb(x)::text, '|' ORDER BY to_jsonb(x)::text)) AS md5 FROM ${sql.identifier(name)} x`,
    );
    out[name] = r!;
  }
  return out;
}

describeEachDriver("backup and restore", (db, driver) => {
  const targets: DbHandle[] = [];
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const [someone] = await db().select().from(users).limit(1);
    await db().insert(auditLog).values({ action: "auth.sign_in", actorId: someone!.id, details: { note: "å ä ö 成都 \"quoted\" \\ back", at: "2026-12-01T21:00:00.123456Z" } });
  });
  afterAll(async () => {
    for (const t of targets) await t.close();
  });
  const emptyTarget = async () => {
    const t = await openTestDatabase(driver, { migrate: false });
    targets.push(t);
    return t;
  };

  it("restores a backup into an empty database with the same rows in every table, append-only ones included", { timeout: 90_000 }, async () => {
    const before = await fingerprint(db());
    for (const t of APPEND_ONLY) expect(before, t).toHaveProperty(t);
    expect(before.status_events!.rows).toBeGreaterThan(50);
    const bytes = await backupBytes(db());

    const target = await emptyTarget();
    const header = await restoreBackup(target, Readable.from([bytes]));
    expect(header.tables.agreements).toBe(before.agreements!.rows);
    expect(await fingerprint(target.db)).toEqual(before);

    // The restored database works as the original: sequences continue, append-only still holds.
    await expect(target.db.execute(sql`UPDATE status_events SET status = status`)).rejects.toThrow();
    const [someone] = await target.db.select().from(users).limit(1);
    await target.db.insert(auditLog).values({ action: "auth.sign_out", actorId: someone!.id });
    expect((await fingerprint(target.db)).audit_log!.rows).toBe(before.audit_log!.rows + 1);
    expect((await target.db.select().from(statusEvents)).length).toBe(before.status_events!.rows);
  });

  it("reads one moment: a write during the backup is either wholly in it or not at all", async () => {
    const [someone] = await db().select().from(users).limit(1);
    const [backup] = await Promise.all([backupBytes(db()), db().insert(auditLog).values({ action: "auth.sign_in", actorId: someone!.id })]);
    const lines = gunzipSync(backup).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { tables?: Record<string, number>; table?: string; rows?: unknown[] });
    const auditRows = lines.filter((l) => l.table === "audit_log").reduce((n, l) => n + l.rows!.length, 0);
    expect(auditRows).toBe(lines[0]!.tables!.audit_log);
  });

  it("refuses a target that is not empty, a truncated backup and a file that is not a backup, creating nothing", async () => {
    const bytes = await backupBytes(db());
    await expect(restoreBackup(targets[0]!, Readable.from([bytes]))).rejects.toThrow(/not empty/);

    const lines = gunzipSync(bytes).toString("utf8").trim().split("\n");
    const target = await emptyTarget();
    await expect(restoreBackup(target, Readable.from([gzipSync(lines.slice(0, -1).join("\n"))]))).rejects.toThrow(/truncated/);
    const tampered = [lines[0], ...lines.slice(2)].join("\n"); // the first chunk of rows left out
    await expect(restoreBackup(target, Readable.from([gzipSync(tampered)]))).rejects.toThrow(/header says/);
    await expect(restoreBackup(target, Readable.from([gzipSync('{"hello":1}\n')]))).rejects.toThrow(/not an Avtalsregistret backup/);
    const tables = await queryRows<{ n: number }>(target.db, sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables[0]!.n).toBe(0);
  }, 60_000);

  it("leaves the job queue out and gives the messages caught queued or sending back to the outbox sweep", { timeout: 90_000 }, async () => {
    const job = "00000000-0000-4000-8000-00000000b0b0";
    const message = (subject: string, state: "queued" | "sending" | "sent", jobId: string | null) => ({ kind: "notification", toAddress: "a@example.se", subject, bodyText: "x", state, jobId, claimedAt: state === "sending" ? new Date() : null });
    await db().insert(outboxMessages).values([message("väntar", "queued", job), message("skickas", "sending", job), message("skickat", "sent", job)]);
    const bytes = await backupBytes(db());
    const header = JSON.parse(gunzipSync(bytes).toString("utf8").split("\n")[0]!) as { tables: Record<string, number> };
    expect(Object.keys(header.tables).some((t) => t.startsWith("pgboss") || t === "job")).toBe(false);

    const target = await emptyTarget();
    await restoreBackup(target, Readable.from([bytes]));
    const rows = await target.db.select({ subject: outboxMessages.subject, state: outboxMessages.state, jobId: outboxMessages.jobId }).from(outboxMessages).orderBy(outboxMessages.subject);
    expect(rows).toEqual([
      { subject: "skickas", state: "queued", jobId: null },
      { subject: "skickat", state: "sent", jobId: job },
      { subject: "väntar", state: "queued", jobId: null },
    ]);
  });
});

describe("npm run backup while the app holds the embedded folder", () => {
  it("asks the running app over its control socket and gets a backup that restores", { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-backup-"));
    const app = await openDatabase({ dataDir: path.join(dataDir, "pglite"), purpose: "app" });
    const target = await openTestDatabase("pglite", { migrate: false });
    try {
      await migrateDatabase(app);
      await app.db.insert(auditLog).values([{ action: "auth.sign_in", email: "a@example.se" }, { action: "auth.sign_out", email: "a@example.se" }]);
      const stop = await serveControlSocket(path.join(dataDir, "pglite"), app.db);
      const out = path.join(dataDir, "backup.jsonl.gz");
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" };
      delete env.DATABASE_URL;
      // Asynchronous: this process is the app and must answer while the script runs.
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--out", out], { env });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("exit", (code) => resolve({ code, stderr }));
      });
      stop();
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`made by the running app (pid ${process.pid})`);
      await restoreBackup(target, fs.createReadStream(out));
      expect(await fingerprint(target.db)).toEqual(await fingerprint(app.db));
      expect((await fingerprint(target.db)).audit_log!.rows).toBe(2);
    } finally {
      await target.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
