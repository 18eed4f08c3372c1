import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, sourceAttachments, type Attachment } from "@/db/schema";
import { EXTENSIONS, type AllowedMediaType } from "./media-types";
import type { AttachmentStorage } from "./storage";

/**
 * An attachment's row and the name to give it: the one it was attached under to `sourceId` when
 * given, otherwise its first name; a file without one gets its hash.
 */
async function attachmentAndName(db: Db, id: string, sourceId?: string | null): Promise<{ attachment: Attachment; filename: string } | null> {
  const [attachment] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!attachment) return null;
  const names = await db
    .select({ sourceId: sourceAttachments.sourceId, filename: sourceAttachments.filename })
    .from(sourceAttachments)
    .where(eq(sourceAttachments.attachmentId, id))
    .orderBy(asc(sourceAttachments.createdAt));
  const ext = EXTENSIONS[attachment.mediaType as AllowedMediaType]?.[0] ?? "bin";
  const filename = (sourceId && names.find((n) => n.sourceId === sourceId)?.filename) || names[0]?.filename || `${attachment.sha256.slice(0, 16)}.${ext}`;
  return { attachment, filename };
}

/** An attachment's row, its name and its bytes (see attachmentAndName for the name). */
export async function readAttachment(
  db: Db,
  storage: AttachmentStorage,
  id: string,
  sourceId?: string | null,
): Promise<{ attachment: Attachment; filename: string; bytes: Uint8Array } | null> {
  const found = await attachmentAndName(db, id, sourceId);
  const bytes = found && (await storage.get(found.attachment.storageKey));
  return found && bytes ? { ...found, bytes } : null;
}

/** The same, with the bytes as a stream from the store (downloads: nothing is held in memory). */
export async function openAttachment(
  db: Db,
  storage: AttachmentStorage,
  id: string,
  sourceId?: string | null,
): Promise<{ attachment: Attachment; filename: string; body: ReadableStream<Uint8Array> } | null> {
  const found = await attachmentAndName(db, id, sourceId);
  const object = found && (await storage.stream(found.attachment.storageKey));
  return found && object ? { ...found, body: object.body } : null;
}

/** A Content-Disposition header that survives any file name: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const fallback = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\;]/g, "_").trim() || "attachment";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
