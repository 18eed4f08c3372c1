import type { Tx } from "@/db/client";
import { sources, type Source } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { can } from "../auth/permissions";
import { recordRevision } from "../revisions/record";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";
import { createSourceSchema, type SourceInput } from "../validation/sources";
import { findDuplicateSources, type DuplicateSource } from "./duplicates";
import { sourceColumns } from "./fields";

export type CreateSourceResult = FormResult<{ id: string }, { duplicates: DuplicateSource[] }>;

/** Inserts a validated source with its revision, in the caller's transaction. */
export async function insertSource(tx: Tx, input: SourceInput, actorId: string, opts: { proposalId?: string | null } = {}): Promise<Source> {
  const [row] = await tx
    .insert(sources)
    .values({ ...sourceColumns(input), createdBy: actorId })
    .returning();
  await recordRevision(tx, {
    entityType: "source",
    entityId: row!.id,
    action: "source.create",
    actorId,
    before: null,
    after: revisionView(row!),
    proposalId: opts.proposalId ?? null,
  });
  return row!;
}

/** The columns a revision keeps of a source (bookkeeping aside). */
export function revisionView(row: Source): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, createdBy: _b, version: _v, ...rest } = row;
  return rest;
}

/**
 * Creates a source. When it looks like one the register already has (same URL, or same body and
 * diarienummer), nothing is written and the candidates come back, unless the user has said it
 * is a different source (`allowDuplicate`).
 */
export async function createSource({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<CreateSourceResult> {
  if (!can({ ...ctx.user, active: true }, "source.create")) return FORBIDDEN;
  const parsed = createSourceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { source, allowDuplicate } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    if (!allowDuplicate) {
      const duplicates = await findDuplicateSources(tx, {
        url: source.url,
        body: source.kind === "protocol" ? source.body : null,
        diarienummer: "diarienummer" in source ? source.diarienummer : null,
      });
      if (duplicates.length > 0) return { ok: false, message: "sources.duplicate.found", duplicates };
    }
    const row = await insertSource(tx, source, ctx.user.id);
    return { ok: true, value: { id: row.id } };
  });
}
