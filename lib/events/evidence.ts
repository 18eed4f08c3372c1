import { eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { sourceAttachments, sources } from "@/db/schema";
import { can, type Action, type Actor } from "../auth/permissions";
import { checkUploads, type CheckedUpload, type UploadInput, type UploadRefusal, type UploadSession } from "../attachments/store";
import { recordRevision } from "../revisions/record";
import { insertSource } from "../sources/create";
import { findDuplicateSources, type DuplicateSource } from "../sources/duplicates";
import type { SourceUseInput } from "../validation/events";

/** A file for the source at position `sourceIndex` of the form's source list. */
export interface SourceFile {
  sourceIndex: number;
  file: UploadInput;
}

export interface UploadProblemAt {
  sourceIndex: number;
  filename: string;
  problem: UploadRefusal;
}

export interface DuplicatesAt {
  sourceIndex: number;
  sources: DuplicateSource[];
}

/** Thrown inside a transaction to roll it back and answer the form with `result`. */
export class WriteRefused<R> extends Error {
  constructor(readonly result: R) {
    super("write refused");
  }
}

/** The permission a list of evidence needs beyond the write itself, or null when the user has them all. */
export function missingEvidencePermission(user: Omit<Actor, "active">, uses: readonly SourceUseInput[], files: readonly SourceFile[]): Action | null {
  const actor = { ...user, active: true };
  if (uses.some((u) => u.mode === "new") && !can(actor, "source.create")) return "source.create";
  if (files.length > 0 && !can(actor, "attachment.upload")) return "attachment.upload";
  return null;
}

/** Checks every file (size, type, content) before anything is written. */
export function prepareFiles(
  uses: readonly SourceUseInput[],
  files: readonly SourceFile[],
): { ok: true; byIndex: Map<number, CheckedUpload[]> } | { ok: false; problems: UploadProblemAt[] } {
  const stray = files.find((f) => !Number.isInteger(f.sourceIndex) || f.sourceIndex < 0 || f.sourceIndex >= uses.length);
  if (stray) return { ok: false, problems: [{ sourceIndex: stray.sourceIndex, filename: stray.file.filename, problem: { code: "name_invalid" } }] };
  const checked = checkUploads(files.map((f) => f.file));
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => ({ sourceIndex: p.index >= 0 ? files[p.index]!.sourceIndex : -1, filename: p.filename, problem: p.problem })),
    };
  }
  const byIndex = new Map<number, CheckedUpload[]>();
  checked.uploads.forEach((u, i) => {
    const at = files[i]!.sourceIndex;
    byIndex.set(at, [...(byIndex.get(at) ?? []), u]);
  });
  return { ok: true, byIndex };
}

/**
 * Everything about the evidence that can be refused, checked before the first write: existing
 * sources exist, new ones are not probable duplicates (unless the user said they are not).
 * Returns field errors and duplicates; empty when all is well.
 */
export async function precheckSourceUses(
  tx: Tx,
  uses: readonly SourceUseInput[],
): Promise<{ fieldErrors: Record<string, string[]>; duplicates: DuplicatesAt[] }> {
  const fieldErrors: Record<string, string[]> = {};
  const duplicates: DuplicatesAt[] = [];
  const existingIds = uses.flatMap((u) => (u.mode === "existing" ? [u.sourceId] : []));
  const found = existingIds.length
    ? new Set((await tx.select({ id: sources.id }).from(sources).where(inArray(sources.id, existingIds))).map((r) => r.id))
    : new Set<string>();
  for (const [i, use] of uses.entries()) {
    if (use.mode === "existing") {
      if (!found.has(use.sourceId)) fieldErrors[`sources.${i}.sourceId`] = ["evidence.errors.sourceMissing"];
      continue;
    }
    if (use.allowDuplicate) continue;
    const s = use.source;
    const candidates = await findDuplicateSources(tx, {
      url: s.url,
      body: s.kind === "protocol" ? s.body : null,
      diarienummer: "diarienummer" in s ? s.diarienummer : null,
    });
    if (candidates.length > 0) duplicates.push({ sourceIndex: i, sources: candidates });
  }
  return { fieldErrors, duplicates };
}

/** Adds files to a source (deduplicated by hash) and records the change as a revision of the source. */
export async function attachToSource(tx: Tx, sourceId: string, files: readonly CheckedUpload[], session: UploadSession, actorId: string): Promise<string[]> {
  if (files.length === 0) return [];
  const before = await attachmentNames(tx, sourceId);
  const ids: string[] = [];
  for (const file of files) {
    const { id } = await session.store(tx, file, actorId);
    await tx.insert(sourceAttachments).values({ sourceId, attachmentId: id, filename: file.filename, createdBy: actorId }).onConflictDoNothing();
    ids.push(id);
  }
  const after = await attachmentNames(tx, sourceId);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    await recordRevision(tx, {
      entityType: "source",
      entityId: sourceId,
      action: "source.attach",
      actorId,
      before: { attachments: before },
      after: { attachments: after },
    });
  }
  return ids;
}

async function attachmentNames(tx: Tx, sourceId: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`SELECT sa.filename || ' (sha256 ' || left(a.sha256, 12) || ')' AS name
        FROM source_attachments sa JOIN attachments a ON a.id = sa.attachment_id
        WHERE sa.source_id = ${sourceId} ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Creates the new sources, stores the files, and returns the uses to link, in form order. */
export async function writeSourceUses(
  tx: Tx,
  uses: readonly SourceUseInput[],
  files: Map<number, CheckedUpload[]>,
  session: UploadSession,
  actorId: string,
): Promise<{ sourceId: string; quote: string | null; page: string | null }[]> {
  const out: { sourceId: string; quote: string | null; page: string | null }[] = [];
  for (const [i, use] of uses.entries()) {
    const sourceId = use.mode === "existing" ? use.sourceId : (await insertSource(tx, use.source, actorId)).id;
    await attachToSource(tx, sourceId, files.get(i) ?? [], session, actorId);
    out.push({ sourceId, quote: use.quote || null, page: use.page || null });
  }
  return out;
}

export async function sourceExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, id));
  return !!row;
}
