import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { S3Settings } from "../env";
import { assertStorageKey, type AttachmentStorage, type ObjectStream, type StoredObject } from "./storage";

/**
 * Attachments in an S3-compatible bucket. Keys are the same as on disk (the SHA-256, spread by
 * its first two characters, plus the write's own id), so a failed save removes exactly what it
 * wrote. Writes ask the store not to overwrite (If-None-Match: *) where the store supports it.
 */
export class S3Storage implements AttachmentStorage {
  private readonly client: S3Client;
  private conditionalPut = true;

  constructor(readonly config: S3Settings) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // Checksums only where the API requires them: not every S3-compatible store knows the newer headers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    assertStorageKey(key);
    const command = (ifNoneMatch: boolean) =>
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentLength: bytes.length, ...(ifNoneMatch ? { IfNoneMatch: "*" } : {}) });
    try {
      await this.client.send(command(this.conditionalPut));
    } catch (error) {
      // A store without conditional writes: keys are unique per write, so a plain PUT is still safe.
      if (this.conditionalPut && statusOf(error) === 501) {
        this.conditionalPut = false;
        await this.client.send(command(false));
        return;
      }
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    const object = await this.stream(key);
    if (!object) return null;
    return new Uint8Array(await new Response(object.body).arrayBuffer());
  }

  async stream(key: string): Promise<ObjectStream | null> {
    assertStorageKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      if (!out.Body) return null;
      return { body: out.Body.transformToWebStream(), size: out.ContentLength ?? null };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key && o.LastModified) yield { key: o.Key, lastModified: o.LastModified };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode;
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}
