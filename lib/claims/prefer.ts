import { eq } from "drizzle-orm";
import { claimPreferences, fieldClaims } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { can } from "../auth/permissions";
import { preferClaimSchema } from "../validation/claims";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";

/**
 * Marks one claim as the preferred one for its field, with the reason. Preferences are
 * append-only: the latest stands, and the earlier ones remain as the history of the choice.
 * The agreement's own field is not changed here; the page says when it differs from the
 * preferred claim, and an edit of the agreement (with its own revision) settles it.
 */
export async function preferClaim({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<FormResult<{ id: number }>> {
  if (!can({ ...ctx.user, active: true }, "claim.prefer")) return FORBIDDEN;
  const parsed = preferClaimSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [claim] = await tx.select().from(fieldClaims).where(eq(fieldClaims.id, parsed.data.claimId));
    if (!claim) return { ok: false, message: "claims.errors.notFound" };
    const [row] = await tx
      .insert(claimPreferences)
      .values({ agreementId: claim.agreementId, field: claim.field, claimId: claim.id, reason: parsed.data.reason, decidedBy: ctx.user.id })
      .returning({ id: claimPreferences.id });
    return { ok: true, value: { id: row!.id } };
  });
}
