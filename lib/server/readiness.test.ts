import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type DbHandle } from "@/db/client";
import { startTestS3Server } from "../attachments/s3-test-server";
import { LocalDiskStorage, type AttachmentStorage } from "../attachments/storage";
import { S3Storage } from "../attachments/storage-s3";
import { checkReadiness } from "./readiness";

const storage = (get: AttachmentStorage["get"]) => ({ get, check: async () => {} }) as unknown as AttachmentStorage;

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

describe("the storage probe, against real stores", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: null });
    await migrateDatabase(handle);
  }, 120_000);
  afterAll(() => handle?.close());
  const probe = async (store: AttachmentStorage) => {
    const failed: string[] = [];
    const result = await checkReadiness({ db: async () => handle.db, storage: () => store }, (check) => failed.push(check));
    return { ok: result.checks.storage.ok, failed };
  };

  it("is ready on a writable folder and not on one that cannot be made", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ready-store-"));
    expect(await probe(new LocalDiskStorage(path.join(dir, "attachments")))).toEqual({ ok: true, failed: [] });
    fs.writeFileSync(path.join(dir, "a-file"), "not a folder");
    expect(await probe(new LocalDiskStorage(path.join(dir, "a-file", "attachments")))).toEqual({ ok: false, failed: ["storage"] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is ready on an S3 bucket that answers, and not on a missing bucket, an unknown access key or a stopped server", async () => {
    const server = await startTestS3Server({ bucket: "ready-bucket" });
    const stores: S3Storage[] = [];
    const s3 = (overrides: Partial<S3Storage["config"]>) => {
      const store = new S3Storage({ ...server.settings, ...overrides });
      stores.push(store);
      return store;
    };
    try {
      expect(await probe(s3({}))).toEqual({ ok: true, failed: [] });
      // GetObject of a missing key in a missing bucket is a 404 as well: only the bucket check tells them apart.
      expect(await probe(s3({ bucket: "no-such-bucket" }))).toEqual({ ok: false, failed: ["storage"] });
      expect(await probe(s3({ accessKeyId: "NOT-A-KEY", secretAccessKey: "not-the-secret" }))).toEqual({ ok: false, failed: ["storage"] });
      const up = s3({});
      await server.stop();
      expect(await probe(up)).toEqual({ ok: false, failed: ["storage"] });
    } finally {
      for (const store of stores) store.destroy();
      await server.stop().catch(() => {});
    }
  }, 60_000);
});
