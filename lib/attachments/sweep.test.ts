import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { attachments } from "@/db/schema";
import { describeEachDriver } from "@/db/testing";
import { tempStorage } from "../events/test-support";
import { samplePdf } from "./sample-pdf";
import { newStorageKey } from "./storage";
import { sha256Hex } from "./store";
import { ORPHAN_MIN_AGE_MS, sweepOrphanFiles } from "./sweep";

describeEachDriver("orphan sweep of the attachment store", (db) => {
  const store = tempStorage();
  afterAll(() => store.cleanup());

  it("removes files and .partial files no row points to once they are old, and nothing a row names", async () => {
    const object = async (label: string, withRow: boolean) => {
      const bytes = samplePdf(label);
      const sha = sha256Hex(bytes);
      const key = newStorageKey(sha);
      await store.storage.put(key, bytes);
      if (withRow) await db().insert(attachments).values({ sha256: sha, sizeBytes: bytes.length, mediaType: "application/pdf", storageKey: key });
      return key;
    };
    const kept = await object("in the register", true);
    const orphan = await object("crash before the commit", false);
    // What a crash in the middle of LocalDiskStorage.put leaves: the temporary file.
    const partial = `${newStorageKey(sha256Hex(samplePdf("half")))}.${crypto.randomUUID()}.partial`;
    fs.mkdirSync(path.join(store.root, partial.split("/")[0]!), { recursive: true });
    fs.writeFileSync(path.join(store.root, ...partial.split("/")), "half a file");
    expect(store.files()).toEqual([kept, orphan, partial].sort());

    // Everything is fresh: an upload may still be in its transaction, so nothing goes.
    const fresh = await sweepOrphanFiles({ db: db(), storage: store.storage });
    expect(fresh).toMatchObject({ scanned: 3, removed: [], young: 3 });

    const later = new Date(Date.now() + ORPHAN_MIN_AGE_MS + 1000);
    const swept = await sweepOrphanFiles({ db: db(), storage: store.storage, now: later });
    expect(swept.removed.sort()).toEqual([orphan, partial].sort());
    expect(store.files()).toEqual([kept]);
    expect(await store.storage.get(kept)).toEqual(Buffer.from(samplePdf("in the register")));
  });
});
