import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import type { AttachmentStorage } from "../attachments/storage";
import { checkReadiness } from "./readiness";

const storage = (get: AttachmentStorage["get"]) => ({ get }) as unknown as AttachmentStorage;

it("is ready with a migrated database and a reachable store, and says why not otherwise, without the error's words", async () => {
  const handle = await openDatabase({ dataDir: null });
  try {
    const errors: string[] = [];
    const db = async () => handle.db;
    const onError = (check: string) => errors.push(check);
    // Before migrating: the database answers, its migrations are missing.
    let result = await checkReadiness({ db, storage: () => storage(async () => null) }, onError);
    expect(result).toMatchObject({ ready: false, checks: { database: { ok: true }, migrations: { ok: false }, storage: { ok: true } } });

    await migrateDatabase(handle);
    result = await checkReadiness({ db, storage: () => storage(async () => null) }, onError);
    expect(result.ready).toBe(true);
    const journal = JSON.parse(fs.readFileSync(path.join("drizzle", "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
    expect(result.checks.migrations.detail).toBe(`${journal.entries.length}/${journal.entries.length}`);

    // The app was deployed with a newer migration than the database has.
    const newer = fs.mkdtempSync(path.join(os.tmpdir(), "ready-"));
    fs.mkdirSync(path.join(newer, "meta"));
    journal.entries.push({ when: Date.now() + 1000 });
    fs.writeFileSync(path.join(newer, "meta", "_journal.json"), JSON.stringify(journal));
    result = await checkReadiness({ db, storage: () => storage(async () => null), migrationsFolder: newer }, onError);
    expect(result.checks.migrations.ok).toBe(false);

    const unreachable = storage(async () => {
      throw new Error("connect ECONNREFUSED s3://key:secret@store");
    });
    result = await checkReadiness({ db, storage: () => unreachable }, onError);
    expect(result).toMatchObject({ ready: false, checks: { storage: { ok: false } } });
    expect(JSON.stringify(result)).not.toMatch(/secret|ECONNREFUSED/);
    expect(errors).toEqual(["migrations", "migrations", "storage"]);
  } finally {
    await handle.close();
  }
}, 120_000); // it migrates a fresh database, as other files do in beforeAll
