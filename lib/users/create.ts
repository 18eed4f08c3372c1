import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { assertCan, type ActionContext } from "../auth/context";
import { hashPassword } from "../auth/password";
import { createUserSchema } from "../validation/users";
import { fieldError, invalidInput, type WriteResult } from "./result";
import { emailTaken, isSwedishOrganization } from "./rules";

/** Creates an account with its roles (and organisation, for a municipal official). Admins only; audited. */
export async function createUser({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<WriteResult<{ id: string }>> {
  assertCan(ctx.user, "user.manage");
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const data = parsed.data;
  // Argon2 is slow on purpose: hash before the transaction.
  const passwordHash = await hashPassword(data.password);

  return ctx.db.transaction(async (tx) => {
    if (data.organizationId && !(await isSwedishOrganization(tx, data.organizationId))) {
      return fieldError("organizationId", "admin.organizationInvalid");
    }
    if (await emailTaken(tx, data.email)) return fieldError("email", "admin.emailTaken");
    const [row] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash, roles: data.roles, organizationId: data.organizationId })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!row) return fieldError("email", "admin.emailTaken");
    await recordAudit(tx, {
      action: "user.create",
      actorId: ctx.user.id,
      targetUserId: row.id,
      email: data.email,
      ip: ctx.ip,
      details: { name: data.name, roles: data.roles, organizationId: data.organizationId },
    });
    return { ok: true, value: { id: row.id } };
  });
}
