import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { constants } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "../env";
import { S3Storage } from "./storage-s3";

/**
 * Where attachment bytes live. Keys are opaque, unique per write and never reused; the
 * database row (attachments.storage_key) is what makes a stored object part of the register.
 * The local-disk store below is the default; an S3-compatible store (storage-s3.ts) implements
 * the same calls.
 */
export interface StoredObject {
  key: string;
  lastModified: Date;
}

/** An object's bytes as a stream (downloads), with its size when the store knows it. */
export interface ObjectStream {
  body: ReadableStream<Uint8Array>;
  size: number | null;
}

export interface AttachmentStorage {
  /** Stores bytes under a new key; refuses to overwrite an existing key. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when the key holds nothing. */
  get(key: string): Promise<Uint8Array | null>;
  /** The bytes as a stream, or null when the key holds nothing. */
  stream(key: string): Promise<ObjectStream | null>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every object in the store, unfinished (temporary) ones included: what the orphan sweep reads. */
  list(): AsyncIterable<StoredObject>;
  /** Resolves when the store answers (readiness); rejects with the reason otherwise. */
  check(): Promise<void>;
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

  async stream(key: string): Promise<ObjectStream | null> {
    const file = this.pathOf(key);
    try {
      const handle = await fs.open(file);
      const { size } = await handle.stat();
      return { body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    let entries: string[];
    try {
      entries = (await fs.readdir(this.root, { recursive: true })) as string[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries.sort()) {
      const stat = await fs.stat(path.join(this.root, entry)).catch(() => null);
      if (stat?.isFile()) yield { key: entry.split(path.sep).join("/"), lastModified: stat.mtime };
    }
  }

  async check(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    await fs.access(this.root, constants.W_OK);
  }
}

let defaultStorage: AttachmentStorage | undefined;

/** The app's store: the S3-compatible bucket when S3_BUCKET is set, local disk under $DATA_DIR/attachments otherwise. */
export function attachmentStorage(): AttachmentStorage {
  if (defaultStorage) return defaultStorage;
  const e = env();
  defaultStorage = e.s3 ? new S3Storage(e.s3) : new LocalDiskStorage(path.resolve(e.DATA_DIR, "attachments"));
  return defaultStorage;
}

/** Readiness (/api/ready): resolves when the app's attachment store answers, rejects with the reason otherwise. */
export async function checkStorage(): Promise<void> {
  await attachmentStorage().check();
}
