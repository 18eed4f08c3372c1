import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { SOURCE_VISIBILITIES, sources } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { can } from "../auth/permissions";
import { recordRevision } from "../revisions/record";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";

export const sourceVisibilitySchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().positive(),
  visibility: z.enum(SOURCE_VISIBILITIES, "publish.visibility.invalid"),
  reason: z.string().trim().max(500, "sources.errors.tooLong").default(""),
});

/**
 * Changes who may see a source (public, internal, confidential) as a revision of the source,
 * version-checked like any edit. What the public sees follows at once (lib/public reads it).
 */
export async function setSourceVisibility({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<FormResult<{ version: number }>> {
  if (!can({ ...ctx.user, active: true }, "source.update")) return FORBIDDEN;
  const parsed = sourceVisibilitySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, version, visibility, reason } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(sources).where(eq(sources.id, id)).for("update");
    if (!before) return { ok: false, message: "sources.errors.notFound" };
    if (before.version !== version) return { ok: false, message: "sources.errors.stale" };
    if (before.visibility === visibility) return { ok: false, message: "sources.errors.unchanged" };
    const [after] = await tx
      .update(sources)
      .set({ visibility, version: sql`${sources.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .returning({ version: sources.version });
    await recordRevision(tx, {
      entityType: "source",
      entityId: id,
      action: "source.visibility",
      actorId: ctx.user.id,
      before: { visibility: before.visibility },
      after: { visibility },
      reason: reason || null,
    });
    return { ok: true, value: { version: after!.version } };
  });
}
