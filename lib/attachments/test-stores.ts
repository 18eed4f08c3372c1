// The attachment stores integration tests run on: the local folder (on every database driver)
// and an S3-compatible server started for the test (s3rver, on PGlite: the store does not depend
// on the driver). No mocks: both are the app's own store classes talking to a real folder or
// a real HTTP server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Db, Driver } from "@/db/client";
import { describeEachDriver } from "@/db/testing";
import { startTestS3Server, type TestS3Server } from "./s3-test-server";
import { LocalDiskStorage, type AttachmentStorage } from "./storage";
import { S3Storage } from "./storage-s3";

export type StoreKind = "local" | "s3";

export interface TestStore {
  kind: StoreKind;
  storage: AttachmentStorage;
  /** Every object's key, temporary ones included, sorted. */
  files(): Promise<string[]>;
  /** Writes an object behind the store's back (what a crash in the middle of a write leaves). */
  putRaw(key: string, bytes: Uint8Array): Promise<void>;
}

async function openStore(kind: StoreKind): Promise<TestStore & { close(): Promise<void> }> {
  const files = (storage: AttachmentStorage) => async () => {
    const keys: string[] = [];
    for await (const o of storage.list()) keys.push(o.key);
    return keys.sort();
  };
  if (kind === "local") {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-attachments-"));
    const storage = new LocalDiskStorage(root);
    return {
      kind,
      storage,
      files: files(storage),
      async putRaw(key, bytes) {
        fs.mkdirSync(path.dirname(path.join(root, key)), { recursive: true });
        fs.writeFileSync(path.join(root, key), bytes);
      },
      close: async () => fs.rmSync(root, { recursive: true, force: true }),
    };
  }
  const server: TestS3Server = await startTestS3Server();
  const storage = new S3Storage(server.settings);
  return {
    kind,
    storage,
    files: files(storage),
    putRaw: (key, bytes) => storage.put(key, bytes),
    async close() {
      storage.destroy();
      await server.stop();
    },
  };
}

/** The same tests on the local store (each database driver) and on the S3-compatible one (PGlite), a fresh store for each. */
export function describeEachStore(name: string, body: (db: () => Db, store: () => TestStore, ctx: { driver: Driver; kind: StoreKind }) => void): void {
  for (const kind of ["local", "s3"] as const) {
    describeEachDriver(
      `${name} (${kind} store)`,
      (db, driver) => {
        let store: (TestStore & { close(): Promise<void> }) | undefined;
        beforeAll(async () => {
          store = await openStore(kind);
        });
        afterAll(async () => {
          await store?.close();
        });
        body(
          db,
          () => {
            if (!store) throw new Error("store not open");
            return store;
          },
          { driver, kind },
        );
      },
      kind === "local" ? undefined : ["pglite"],
    );
  }
}
