import { eq } from "drizzle-orm";
import { organizationContacts } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { recordRevision } from "../revisions/record";
import { failure, invalidInput, type WriteResult } from "../users/result";
import { removeContactSchema } from "../validation/accounts";
import { contactSnapshot } from "./list-contacts";

/** Removes a contact; its revision keeps what it was. Based on the version the editor saw. */
export async function removeContact({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<WriteResult<{ organizationId: string }>> {
  assertCan(ctx.user, "contact.manage");
  const parsed = removeContactSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizationContacts).where(eq(organizationContacts.id, parsed.data.id)).for("update");
    if (!before) return failure("contacts.notFound");
    if (before.version !== parsed.data.version) return failure("contacts.stale");
    await tx.delete(organizationContacts).where(eq(organizationContacts.id, before.id));
    await recordRevision(tx, {
      entityType: "organization_contact",
      entityId: before.id,
      action: "organization_contact.remove",
      actorId: ctx.user.id,
      before: contactSnapshot(before),
      after: null,
    });
    return { ok: true, value: { organizationId: before.organizationId } } as const;
  });
}
