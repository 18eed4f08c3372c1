import { agreements } from "@/db/schema";
import { insertForeignOrganization } from "../organizations/create";
import { recordRevision } from "../revisions/record";
import { agreementSchema } from "../validation/agreements";
import { checkForeignParty, checkSwedishParty, refuseDuplicate } from "./checks";
import { toColumns } from "./fields";
import { allowed, fieldErrorsOf, FieldRefusal, FORBIDDEN, invalid, type Refusal, type WriteContext } from "./write";

export type CreateAgreementResult = { ok: true; id: string } | Refusal;

/**
 * Creates an agreement, and its foreign party when the form asks for a new one, in one
 * transaction with a revision for each.
 */
export async function createAgreement({ ctx, input }: { ctx: WriteContext; input: unknown }): Promise<CreateAgreementResult> {
  if (!allowed(ctx, "agreement.create")) return FORBIDDEN;
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { foreign, ...values } = parsed.data;
  if (foreign.mode === "new" && !allowed(ctx, "organization.create")) return FORBIDDEN;

  try {
    const id = await ctx.db.transaction(async (tx) => {
      await checkSwedishParty(tx, values.swedishOrgId);
      const foreignOrgId =
        foreign.mode === "new"
          ? await insertForeignOrganization(tx, ctx.user.id, foreign.org, "foreign.org.")
          : await checkForeignParty(tx, foreign.id);
      const columns = toColumns(values, foreignOrgId);
      await refuseDuplicate(tx, columns, null);
      const [row] = await tx
        .insert(agreements)
        .values({ ...columns, createdBy: ctx.user.id, updatedBy: ctx.user.id })
        .returning();
      await recordRevision(tx, {
        entityType: "agreement",
        entityId: row!.id,
        action: "agreement.create",
        actorId: ctx.user.id,
        before: null,
        after: row!,
      });
      return row!.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (error instanceof FieldRefusal) return invalid(error.fieldErrors);
    throw error;
  }
}
