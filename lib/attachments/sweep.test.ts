import { expect, it, vi } from "vitest";
import { attachments } from "@/db/schema";
import { samplePdf } from "./sample-pdf";
import { newStorageKey } from "./storage";
import { sha256Hex } from "./store";
import { ORPHAN_MIN_AGE_MS, scheduleOrphanSweep, sweepOrphanFiles } from "./sweep";
import { describeEachStore } from "./test-stores";

describeEachStore("orphan sweep of the attachment store", (db, store) => {
  it("removes files and .partial files no row points to once they are old, and nothing a row names", async () => {
    const { storage } = store();
    const object = async (label: string, withRow: boolean) => {
      const bytes = samplePdf(label);
      const sha = sha256Hex(bytes);
      const key = newStorageKey(sha);
      await storage.put(key, bytes);
      if (withRow) await db().insert(attachments).values({ sha256: sha, sizeBytes: bytes.length, mediaType: "application/pdf", storageKey: key });
      return key;
    };
    const kept = await object("in the register", true);
    const orphan = await object("crash before the commit", false);
    // What a crash in the middle of LocalDiskStorage.put leaves: the temporary file.
    const partial = `${newStorageKey(sha256Hex(samplePdf("half")))}.${crypto.randomUUID()}.partial`;
    await store().putRaw(partial, new TextEncoder().encode("half a file"));
    expect(await store().files()).toEqual([kept, orphan, partial].sort());

    // Everything is fresh: an upload may still be in its transaction, so nothing goes.
    expect(await sweepOrphanFiles({ db: db(), storage })).toMatchObject({ scanned: 3, removed: [], young: 3 });

    const later = new Date(Date.now() + ORPHAN_MIN_AGE_MS + 5000);
    const swept = await sweepOrphanFiles({ db: db(), storage, now: later });
    expect(swept.removed.sort()).toEqual([orphan, partial].sort());
    expect(await store().files()).toEqual([kept]);
    expect(Buffer.from((await storage.get(kept))!)).toEqual(Buffer.from(samplePdf("in the register")));
  });

  it("sweeps as soon as it is scheduled (the server schedules it at start), and again every interval", async () => {
    const { storage } = store();
    const bytes = samplePdf("kept by its row");
    const kept = newStorageKey(sha256Hex(bytes));
    await storage.put(kept, bytes);
    await db().insert(attachments).values({ sha256: sha256Hex(bytes), sizeBytes: bytes.length, mediaType: "application/pdf", storageKey: kept });
    const orphan = `${newStorageKey(sha256Hex(samplePdf("crashed")))}.${crypto.randomUUID()}.partial`;
    await store().putRaw(orphan, new TextEncoder().encode("half a file"));

    const stop = scheduleOrphanSweep(db(), storage, { everyMs: 200, minAgeMs: 0 });
    try {
      await vi.waitFor(async () => expect(await store().files()).not.toContain(orphan), { timeout: 10_000, interval: 50 });
      // A file left later is swept by the next round.
      const later = `${newStorageKey(sha256Hex(samplePdf("later")))}.${crypto.randomUUID()}.partial`;
      await store().putRaw(later, new TextEncoder().encode("another half"));
      await vi.waitFor(async () => expect(await store().files()).not.toContain(later), { timeout: 10_000, interval: 50 });
      expect(await store().files()).toContain(kept);
    } finally {
      stop();
    }
  });
});
