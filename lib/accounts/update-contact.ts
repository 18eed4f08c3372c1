import { and, eq, ne, sql } from "drizzle-orm";
import { organizationContacts } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { recordRevision } from "../revisions/record";
import { failure, fieldError, invalidInput, type WriteResult } from "../users/result";
import { updateContactSchema } from "../validation/accounts";
import { contactSnapshot } from "./list-contacts";

/** Edits a contact, based on the version the editor saw (a stale edit is refused), with its revision. */
export async function updateContact({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<WriteResult<{ version: number }>> {
  assertCan(ctx.user, "contact.manage");
  const parsed = updateContactSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { id, version, ...values } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizationContacts).where(eq(organizationContacts.id, id)).for("update");
    if (!before) return failure("contacts.notFound");
    if (before.version !== version) return failure("contacts.stale");
    const [dup] = await tx
      .select({ id: organizationContacts.id })
      .from(organizationContacts)
      .where(and(eq(organizationContacts.organizationId, before.organizationId), eq(organizationContacts.email, values.email), ne(organizationContacts.id, id)));
    if (dup) return fieldError("email", "contacts.duplicate");
    const [after] = await tx
      .update(organizationContacts)
      .set({ ...values, version: sql`${organizationContacts.version} + 1`, updatedAt: new Date() })
      .where(eq(organizationContacts.id, id))
      .returning();
    await recordRevision(tx, {
      entityType: "organization_contact",
      entityId: id,
      action: "organization_contact.update",
      actorId: ctx.user.id,
      before: contactSnapshot(before),
      after: contactSnapshot(after!),
    });
    return { ok: true, value: { version: after!.version } } as const;
  });
}
