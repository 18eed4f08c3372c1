import { and, eq, sql } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { can } from "../auth/permissions";
import { recordRevision } from "../revisions/record";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";
import { updateSourceSchema } from "../validation/sources";
import { revisionView } from "./create";
import { findDuplicateSources, type DuplicateSource } from "./duplicates";
import { sourceColumns } from "./fields";

export type UpdateSourceResult = FormResult<{ id: string; version: number }, { duplicates: DuplicateSource[]; currentVersion: number }>;

/**
 * Edits a source, as one revision with before and after. The edit carries the version it was
 * based on; if someone saved in between, it is refused and nothing is lost (the form keeps
 * what was typed). A change that makes it look like another source (same URL, or same body
 * and diarienummer) is reported the same way as on creation.
 */
export async function updateSource({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<UpdateSourceResult> {
  if (!can({ ...ctx.user, active: true }, "source.update")) return FORBIDDEN;
  const parsed = updateSourceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, version, source, reason } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(sources).where(eq(sources.id, id)).for("update");
    if (!before) return { ok: false, message: "sources.errors.notFound" };
    if (before.version !== version) return { ok: false, message: "sources.errors.stale", currentVersion: before.version };
    const columns = sourceColumns(source);
    const beforeView = revisionView(before);
    if (JSON.stringify(beforeView) === JSON.stringify(revisionView({ ...before, ...columns }))) {
      return { ok: false, message: "sources.errors.unchanged" };
    }
    const duplicates = (
      await findDuplicateSources(
        tx,
        { url: columns.url, body: columns.body, diarienummer: columns.diarienummer },
        { excludeId: id },
      )
    ).filter((d) => (d.match === "url" ? columns.url !== before.url : columns.body !== before.body || columns.diarienummer !== before.diarienummer));
    if (duplicates.length > 0) return { ok: false, message: "sources.duplicate.foundOnEdit", duplicates };
    const [after] = await tx
      .update(sources)
      .set({ ...columns, version: sql`${sources.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning();
    const afterView = revisionView(after!);
    await recordRevision(tx, {
      entityType: "source",
      entityId: id,
      action: "source.update",
      actorId: ctx.user.id,
      before: beforeView,
      after: afterView,
      reason: reason || null,
    });
    return { ok: true, value: { id, version: after!.version } };
  });
}
