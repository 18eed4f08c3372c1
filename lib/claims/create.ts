import { and, eq } from "drizzle-orm";
import { agreements, fieldClaims, sources } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { can } from "../auth/permissions";
import { parsePartialDate, partialDateToString } from "../domain/partial-date";
import { createClaimSchema, DATE_CLAIM_FIELDS } from "../validation/claims";
import { FORBIDDEN, invalid, type FormResult } from "../validation/form-result";

/**
 * Records what a source says about a field of an agreement. Claims are append-only; two claims
 * with different values for one field are a conflict, and both are kept.
 */
export async function createClaim({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<FormResult<{ id: string }>> {
  if (!can({ ...ctx.user, active: true }, "claim.create")) return FORBIDDEN;
  const parsed = createClaimSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const c = parsed.data;
  // Dates are stored in their shortest honest form: "2009", not "2009-01-01".
  const value = DATE_CLAIM_FIELDS.includes(c.field) ? partialDateToString(parsePartialDate(c.value))! : c.value;
  return ctx.db.transaction(async (tx) => {
    const [agreement] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, c.agreementId));
    if (!agreement) return { ok: false, message: "evidence.errors.agreementMissing" };
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, c.sourceId));
    if (!source) return { ok: false, message: "evidence.form.invalid", fieldErrors: { sourceId: ["evidence.errors.sourceMissing"] } };
    const [same] = await tx
      .select({ id: fieldClaims.id })
      .from(fieldClaims)
      .where(and(eq(fieldClaims.agreementId, c.agreementId), eq(fieldClaims.field, c.field), eq(fieldClaims.value, value), eq(fieldClaims.sourceId, c.sourceId)));
    if (same) return { ok: false, message: "claims.errors.duplicate" };
    const [row] = await tx
      .insert(fieldClaims)
      .values({ agreementId: c.agreementId, field: c.field, value, sourceId: c.sourceId, quote: c.quote || null, page: c.page || null, createdBy: ctx.user.id })
      .returning({ id: fieldClaims.id });
    return { ok: true, value: { id: row!.id } };
  });
}
