import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { attachments } from "@/db/schema";
import { checkUpload, MAX_FILES_PER_SAVE, MAX_UPLOAD_BYTES_PER_SAVE, type AllowedMediaType, type UploadProblem } from "./media-types";
import { newStorageKey, type AttachmentStorage } from "./storage";

/** A file as it arrives: its name, the type the client declared, its bytes. */
export interface UploadInput {
  filename: string;
  declaredType: string;
  bytes: Uint8Array;
}

/** A file that passed every check, with its hash. */
export interface CheckedUpload {
  filename: string;
  mediaType: AllowedMediaType;
  bytes: Uint8Array;
  sizeBytes: number;
  sha256: string;
}

export type UploadRefusal = UploadProblem | { code: "too_many_files"; max: number } | { code: "save_too_large"; maxBytes: number };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Checks every file before anything is written; the first problem of each file is reported by its position. */
export function checkUploads(
  files: readonly UploadInput[],
): { ok: true; uploads: CheckedUpload[] } | { ok: false; problems: { index: number; filename: string; problem: UploadRefusal }[] } {
  if (files.length > MAX_FILES_PER_SAVE) return { ok: false, problems: [{ index: -1, filename: "", problem: { code: "too_many_files", max: MAX_FILES_PER_SAVE } }] };
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_UPLOAD_BYTES_PER_SAVE) {
    return { ok: false, problems: [{ index: -1, filename: "", problem: { code: "save_too_large", maxBytes: MAX_UPLOAD_BYTES_PER_SAVE } }] };
  }
  const uploads: CheckedUpload[] = [];
  const problems: { index: number; filename: string; problem: UploadRefusal }[] = [];
  files.forEach((file, index) => {
    const check = checkUpload(file);
    if (!check.ok) {
      const { ok: _ok, ...problem } = check;
      problems.push({ index, filename: file.filename, problem });
      return;
    }
    uploads.push({ filename: check.filename, mediaType: check.mediaType, bytes: file.bytes, sizeBytes: file.bytes.length, sha256: sha256Hex(file.bytes) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, uploads };
}

/**
 * The objects one save writes. A save stores each file before the row that names it, inside the
 * save's transaction; when the transaction fails, every object it wrote is removed, so a failed
 * save leaves neither an orphan file nor an orphan row. Keys are unique per write, so removing
 * ours can never take away an object another save's row points to (the deduplication case:
 * bytes the register already has are not written again, and are never removed).
 */
export class UploadSession {
  private readonly written: string[] = [];
  private readonly unused: string[] = [];

  constructor(private readonly storage: AttachmentStorage) {}

  /** The attachment row for these bytes, in the caller's transaction: the existing one, or a new one. */
  async store(tx: Tx, upload: CheckedUpload, actorId: string): Promise<{ id: string; reused: boolean }> {
    const [existing] = await tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, upload.sha256));
    if (existing) return { id: existing.id, reused: true };
    const storageKey = newStorageKey(upload.sha256);
    await this.storage.put(storageKey, upload.bytes);
    this.written.push(storageKey);
    const [row] = await tx
      .insert(attachments)
      .values({ sha256: upload.sha256, sizeBytes: upload.sizeBytes, mediaType: upload.mediaType, storageKey, createdBy: actorId })
      .onConflictDoNothing({ target: attachments.sha256 })
      .returning({ id: attachments.id });
    if (row) return { id: row.id, reused: false };
    // Another save stored the same bytes meanwhile and committed first: use its row; ours is not needed.
    this.unused.push(storageKey);
    const [theirs] = await tx.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, upload.sha256));
    return { id: theirs!.id, reused: true };
  }

  /** After the transaction: on success remove only the objects nobody uses; on failure every object written. */
  async finish(committed: boolean): Promise<void> {
    const remove = committed ? this.unused : this.written;
    await Promise.all(remove.map((key) => this.storage.delete(key).catch(() => undefined)));
  }
}

/** Runs `work` in one transaction with an upload session, cleaning up the objects as the outcome requires. */
export async function transactionWithUploads<T>(db: Db, storage: AttachmentStorage, work: (tx: Tx, uploads: UploadSession) => Promise<T>): Promise<T> {
  const session = new UploadSession(storage);
  let result: T;
  try {
    result = await db.transaction((tx) => work(tx, session));
  } catch (error) {
    await session.finish(false);
    throw error;
  }
  await session.finish(true);
  return result;
}
