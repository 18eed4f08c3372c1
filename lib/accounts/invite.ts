import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { assertCan, type ActionContext } from "../auth/context";
import { ROLES, type Role } from "../domain/enums";
import { failure, fieldError, invalidInput, type WriteResult } from "../users/result";
import { isSwedishOrganization } from "../users/rules";
import { inviteUserSchema, type InviteUserData } from "../validation/accounts";
import { accountLinks, queueAccountEmail } from "./emails";
import { allowSend, SEND_LIMITS, sendKey } from "./send-throttle";
import { issueToken } from "./tokens";

export interface Invitation {
  userId: string;
  /** True when the address already had a pending invitation: its link was renewed, no new account. */
  renewed: boolean;
  /** The invitation e-mail in the outbox. */
  messageId: string;
}

const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== "municipal_official");

/**
 * Invites a person by e-mail: an account without a password (nothing can sign in to it) and an
 * invitation e-mail in the outbox with a single-use link to set a password, in one transaction.
 * Analysts and admins invite municipal officials of any Swedish organisation (several per
 * organisation); staff roles only admins. Inviting an address whose invitation is still pending
 * (same roles and organisation) renews its link instead of making a second account. Throttled
 * per inviter and per address (lib/accounts/send-throttle.ts).
 */
export async function inviteUser({ ctx, input, now }: { ctx: ActionContext; input: unknown; now?: Date }): Promise<WriteResult<Invitation>> {
  assertCan(ctx.user, "user.invite");
  const parsed = inviteUserSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const data = parsed.data;
  if (data.roles.some((r) => STAFF_ROLES.includes(r))) assertCan(ctx.user, "user.manage");
  else assertCan(ctx.user, "user.invite", { organizationId: data.organizationId });

  return ctx.db.transaction(async (tx) => {
    const at = now ?? new Date();
    const allowed = await allowSend(
      tx,
      [
        { key: sendKey.actor(ctx.user.id), rule: SEND_LIMITS.actor },
        { key: sendKey.address(data.email), rule: SEND_LIMITS.address },
      ],
      at,
    );
    if (!allowed) return failure("accounts.throttled");
    return inviteInTransaction(tx, { actor: { id: ctx.user.id, name: ctx.user.name }, ip: ctx.ip ?? null, data, now: at });
  });
}

/**
 * The invitation's writes, in the caller's transaction, for a verb that has already checked the
 * actor's permission and its own throttle (e.g. a check-in campaign inviting an organisation
 * without accounts). Returns a failure, never throws one: the caller decides whether to roll back.
 */
export async function inviteInTransaction(
  tx: Tx,
  input: { actor: { id: string; name: string }; ip: string | null; data: InviteUserData; now?: Date },
): Promise<WriteResult<Invitation>> {
  const { actor, data } = input;
  const now = input.now ?? new Date();
  // Two invitations of one address at the same moment take turns.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`invite:${data.email}`}, 0))`);
  if (data.organizationId && !(await isSwedishOrganization(tx, data.organizationId))) {
    return fieldError("organizationId", "admin.organizationInvalid");
  }
  const [existing] = await tx.select().from(users).where(eq(users.email, data.email)).for("update");
  let userId: string;
  let renewed = false;
  if (existing) {
    if (existing.passwordHash !== null || !existing.active) return fieldError("email", "admin.emailTaken");
    const same = existing.organizationId === data.organizationId && sameRoles(existing.roles, data.roles);
    if (!same) return fieldError("email", "accounts.invite.pendingOther");
    userId = existing.id;
    renewed = true;
  } else {
    const [row] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash: null, roles: data.roles, organizationId: data.organizationId })
      .returning({ id: users.id });
    userId = row!.id;
  }
  const { token, expiresAt } = await issueToken(tx, { purpose: "invite", userId, email: data.email, createdBy: actor.id, now });
  const organizationName = data.organizationId
    ? ((await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, data.organizationId)))[0]?.name ?? "")
    : "";
  const messageId = await queueAccountEmail(tx, {
    kind: "invitation",
    to: { address: data.email, name: existing?.name ?? data.name },
    userId,
    link: accountLinks.setPassword(token),
    values: {
      name: existing?.name ?? data.name,
      inviter: actor.name,
      organization: organizationName,
      expires: expiresAt.toISOString().slice(0, 10),
      role: data.roles.includes("municipal_official") ? "official" : "staff",
    },
  });
  await recordAudit(tx, {
    action: "user.invite",
    actorId: actor.id,
    targetUserId: userId,
    email: data.email,
    ip: input.ip,
    details: { name: data.name, roles: data.roles, organizationId: data.organizationId, renewed, messageId },
    at: now,
  });
  return { ok: true, value: { userId, renewed, messageId } };
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
