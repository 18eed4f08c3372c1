import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";
import type { AttachmentStorage } from "./storage";

/** An object younger than this may belong to an upload whose transaction is still open. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export interface SweepReport {
  scanned: number;
  removed: string[];
  /** Objects younger than the age threshold, not looked at. */
  young: number;
}

/**
 * Removes the objects of the attachment store that no attachment row points to (a crash between
 * writing a file and committing its row, or a `.partial` file of an interrupted write). An object
 * a row names is never removed, and neither is one younger than `minAgeMs`: its upload may still
 * be in its transaction. The rows are read after the listing, batch by batch right before the
 * removals, so a row committed meanwhile keeps its object.
 */
export async function sweepOrphanFiles({
  db,
  storage,
  now = new Date(),
  minAgeMs = ORPHAN_MIN_AGE_MS,
}: {
  db: Db;
  storage: AttachmentStorage;
  now?: Date;
  minAgeMs?: number;
}): Promise<SweepReport> {
  const report: SweepReport = { scanned: 0, removed: [], young: 0 };
  const candidates: string[] = [];
  for await (const object of storage.list()) {
    report.scanned++;
    if (now.getTime() - object.lastModified.getTime() < minAgeMs) {
      report.young++;
      continue;
    }
    candidates.push(object.key);
  }
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const named = new Set((await db.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.storageKey, batch))).map((r) => r.key));
    for (const key of batch) {
      if (named.has(key)) continue;
      await storage.delete(key);
      report.removed.push(key);
    }
  }
  return report;
}

/**
 * Sweeps once now (the server calls it at start: db/startup.ts) and then every `everyMs` (6 hours)
 * in the background; the timer never keeps the process alive. Returns a function that stops it.
 */
export function scheduleOrphanSweep(
  db: Db,
  storage: AttachmentStorage,
  { everyMs = 6 * 60 * 60 * 1000, minAgeMs = ORPHAN_MIN_AGE_MS }: { everyMs?: number; minAgeMs?: number } = {},
): () => void {
  const run = () =>
    sweepOrphanFiles({ db, storage, minAgeMs }).then(
      (r) => {
        if (r.removed.length > 0) console.log(`[avtalsregistret] attachment store: removed ${r.removed.length} orphan file(s) of ${r.scanned}`);
      },
      (error: unknown) => console.error(`[avtalsregistret] attachment sweep failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
