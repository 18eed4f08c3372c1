import { asc, inArray } from "drizzle-orm";
import { agreements, confirmations } from "@/db/schema";
import type { ActionContext } from "../auth/context";
import { assertCan } from "../auth/context";
import { ReviewError } from "../review/errors";
import { confirmSchema } from "../validation/confirmations";
import { agreementStates } from "./current-state";

/**
 * "Nothing has changed": records that each agreement's current state, the event the user saw,
 * still holds. All or nothing: if any agreement's state changed since the user looked (a new
 * or corrected event), the whole confirmation is refused as stale and says which, so that
 * nobody confirms a state they have not seen. Officials confirm their own organisation's
 * agreements only; analysts any.
 */
export async function confirmAgreements({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<{ ids: string[] }> {
  const parsed = confirmSchema.parse(input);
  const ids = [...new Set(parsed.items.map((i) => i.agreementId))];
  return ctx.db.transaction(async (tx) => {
    // The same row lock that recording an event takes: no event can slip in between check and insert.
    await tx.select({ id: agreements.id }).from(agreements).where(inArray(agreements.id, ids)).orderBy(asc(agreements.id)).for("update");
    const states = await agreementStates(tx, ids);
    for (const id of ids) {
      const state = states.get(id);
      if (!state) throw new ReviewError("not_found", "confirm.errors.notFound", { agreementId: id });
      assertCan(ctx.user, "confirmation.create", { organizationId: state.organizationId });
    }
    const stale = parsed.items.filter((i) => states.get(i.agreementId)!.eventId !== i.eventId).map((i) => i.agreementId);
    const missing = ids.filter((id) => states.get(id)!.eventId === null);
    if (missing.length > 0) throw new ReviewError("nothing_to_confirm", "confirm.errors.noState", { agreementIds: missing });
    if (stale.length > 0) throw new ReviewError("stale", "confirm.errors.stale", { agreementIds: stale });
    const rows = await tx
      .insert(confirmations)
      .values(
        ids.map((id) => {
          const s = states.get(id)!;
          return {
            agreementId: id,
            organizationId: s.organizationId,
            eventId: s.eventId!,
            agreementVersion: s.version,
            confirmedBy: ctx.user.id,
            note: parsed.note ?? null,
            sourceId: parsed.sourceId ?? null,
            campaignId: parsed.campaignId ?? null,
          };
        }),
      )
      .returning({ id: confirmations.id });
    return { ids: rows.map((r) => r.id) };
  });
}
