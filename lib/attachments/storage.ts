import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../env";

/**
 * Where attachment bytes live. Keys are opaque, unique per write and never reused; the
 * database row (attachments.storage_key) is what makes a stored object part of the register.
 * The local-disk store below is the default; an S3-compatible store implements the same three
 * calls (PutObject with If-None-Match, GetObject, DeleteObject).
 */
export interface AttachmentStorage {
  /** Stores bytes under a new key; refuses to overwrite an existing key. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when the key holds nothing. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9]+(?:[/_.-][a-z0-9]+)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes("..") || key.length > 200) throw new Error(`Invalid storage key: ${key}`);
}

/** A new key for bytes with this SHA-256: spread over folders by the hash, unique per write. */
export function newStorageKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}-${randomUUID()}`;
}

/** Files under one folder, written atomically (temporary file, then rename). */
export class LocalDiskStorage implements AttachmentStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.partial`;
    try {
      await fs.writeFile(temp, bytes, { flag: "wx" });
      // link() fails if the target exists: a key is never overwritten.
      await fs.link(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

let defaultStorage: AttachmentStorage | undefined;

/** The app's store: local disk under $DATA_DIR/attachments. */
export function attachmentStorage(): AttachmentStorage {
  defaultStorage ??= new LocalDiskStorage(path.resolve(env().DATA_DIR, "attachments"));
  return defaultStorage;
}
