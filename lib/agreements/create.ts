import { insertForeignOrganization } from "../organizations/create";
import { agreementSchema } from "../validation/agreements";
import { formValues, toFormFieldErrors } from "./fields";
import { allowed, createAgreements, fieldErrorsOf, FieldRefusal, FORBIDDEN, invalid, type Refusal, type WriteContext } from "./write";

export type CreateAgreementResult = { ok: true; id: string } | Refusal;

/**
 * Creates an agreement, and its foreign party when the form asks for a new one, in one
 * transaction with a revision for each, through the one agreement write (lib/agreements/write.ts).
 */
export async function createAgreement({ ctx, input }: { ctx: WriteContext; input: unknown }): Promise<CreateAgreementResult> {
  if (!allowed(ctx, "agreement.create")) return FORBIDDEN;
  const parsed = agreementSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { foreign, ...values } = parsed.data;
  if (foreign.mode === "new" && !allowed(ctx, "organization.create")) return FORBIDDEN;

  try {
    const id = await ctx.db.transaction(async (tx) => {
      const foreignOrgId = foreign.mode === "new" ? await insertForeignOrganization(tx, ctx.user.id, foreign.org, "foreign.org.") : foreign.id;
      const [row] = await createAgreements(tx, { actorId: ctx.user.id, rows: [{ values: formValues(values, foreignOrgId) }] });
      return row!.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (error instanceof FieldRefusal) return invalid(toFormFieldErrors(error.fieldErrors, foreign.mode));
    throw error;
  }
}
