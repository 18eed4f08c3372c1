import { eq } from "drizzle-orm";
import { agreements } from "@/db/schema";
import { toFormFieldErrors } from "../agreements/fields";
import { updateAgreement, type UpdateAgreementResult } from "../agreements/update";
import { FieldRefusal, invalid } from "../agreements/write";
import type { ActionContext } from "../auth/context";
import { getSetting } from "../settings";
import { agreementUpdateSchema, splitAreas } from "../validation/agreements";
import type { AgreementChanges } from "../validation/proposals";
import { agreementFieldValues } from "./agreement-fields";
import { createProposal } from "./proposals";

export type AgreementEditResult = UpdateAgreementResult | { ok: true; id: string; version: number; changed: string[]; proposalId: string };

/**
 * An analyst's edit of an agreement, as the admin's policy wants it: saved at once, or (when
 * analysts' edits need review) turned into a proposal with the same changes for a reviewer.
 * A stale edit is refused the same way in both cases, with what changed meanwhile.
 */
export async function submitAgreementEdit({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<AgreementEditResult> {
  if (!(await getSetting(ctx.db, "analystEditsRequireReview"))) return updateAgreement({ ctx, input });
  const parsed = agreementUpdateSchema.safeParse(input);
  if (!parsed.success) return updateAgreement({ ctx, input }); // the same field-by-field refusal
  const v = parsed.data;
  const [current] = await ctx.db.select().from(agreements).where(eq(agreements.id, v.id));
  if (!current || current.version !== v.baseVersion) return updateAgreement({ ctx, input }); // not found / stale: refused, nothing written
  if (v.foreign.mode === "new") {
    return { ok: false, error: "invalid", message: "review.errors.newPartyNeedsDirectEdit", fieldErrors: { foreign: ["review.errors.newPartyNeedsDirectEdit"] } };
  }
  const now = agreementFieldValues(current);
  const next = {
    swedishOrgId: v.swedishOrgId,
    foreignOrgId: v.foreign.id,
    kind: v.kind,
    designation: v.designation || null,
    established: v.established || null,
    funding: v.funding || null,
    areas: splitAreas(v.areas),
    notes: v.notes || null,
  };
  const changes = Object.fromEntries(
    Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(now[k as keyof typeof now] ?? null)),
  ) as AgreementChanges;
  if (Object.keys(changes).length === 0) return { ok: true, id: current.id, version: current.version, changed: [] };
  let proposal;
  try {
    proposal = await createProposal({
      ctx,
      input: { kind: "agreement.update", agreementId: current.id, baseVersion: current.version, changes, summary: v.reason || null },
    });
  } catch (error) {
    // The same rules as a direct edit, under the form's field names.
    if (error instanceof FieldRefusal) {
      const unprefixed = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, m]) => [k.replace(/^changes\./, ""), m]));
      return invalid(toFormFieldErrors(unprefixed, "existing"));
    }
    throw error;
  }
  return { ok: true, id: current.id, version: current.version, changed: Object.keys(changes), proposalId: proposal.id };
}
