import { and, eq } from "drizzle-orm";
import { organizationContacts } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { recordRevision } from "../revisions/record";
import { isSwedishOrganization } from "../users/rules";
import { fieldError, invalidInput, type WriteResult } from "../users/result";
import { addContactSchema } from "../validation/accounts";
import { contactSnapshot } from "./list-contacts";

/** Adds a contact (e.g. the registrator's address) to a Swedish organisation, with its revision. Analysts and admins. */
export async function addContact({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<WriteResult<{ id: string }>> {
  assertCan(ctx.user, "contact.manage");
  const parsed = addContactSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const data = parsed.data;
  return ctx.db.transaction(async (tx) => {
    if (!(await isSwedishOrganization(tx, data.organizationId))) return fieldError("organizationId", "contacts.organizationInvalid");
    const [dup] = await tx
      .select({ id: organizationContacts.id })
      .from(organizationContacts)
      .where(and(eq(organizationContacts.organizationId, data.organizationId), eq(organizationContacts.email, data.email)));
    if (dup) return fieldError("email", "contacts.duplicate");
    const [row] = await tx
      .insert(organizationContacts)
      .values({ ...data, createdBy: ctx.user.id })
      .returning();
    await recordRevision(tx, {
      entityType: "organization_contact",
      entityId: row!.id,
      action: "organization_contact.create",
      actorId: ctx.user.id,
      before: null,
      after: contactSnapshot(row!),
    });
    return { ok: true, value: { id: row!.id } } as const;
  });
}
