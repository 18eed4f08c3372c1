import { z } from "zod";
import type { ActionContext } from "../auth/guard";
import { ForbiddenError } from "../auth/errors";
import { can } from "../auth/permissions";
import { getSetting } from "../settings";
import { applyAgreementChanges, revertValues } from "./apply";
import { createProposal } from "./proposals";

const revertSchema = z.object({ revisionId: z.number().int().positive(), reason: z.string().trim().min(1, "review.errors.reasonRequired").max(1000) });

/**
 * Reverts a revision as a new revision: at once, or as a proposal when the admin's policy says
 * analysts' edits need review.
 */
export async function revertRevision({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<{ revisionId?: number; proposalId?: string }> {
  const { revisionId, reason } = revertSchema.parse(input);
  if (!can({ ...ctx.user, active: true }, "revision.revert")) throw new ForbiddenError("revision.revert");
  if (await getSetting(ctx.db, "analystEditsRequireReview")) {
    const p = await createProposal({ ctx, input: { kind: "revision.revert", revisionId, summary: reason } });
    return { proposalId: p.id };
  }
  return ctx.db.transaction(async (tx) => {
    const { agreementId, values } = await revertValues(tx, revisionId);
    const applied = await applyAgreementChanges(tx, agreementId, values, {
      actorId: ctx.user.id,
      action: "agreement.revert",
      reason: `${reason} (revision #${revisionId})`,
    });
    return { revisionId: applied.revisionId ?? undefined };
  });
}
