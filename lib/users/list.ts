import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { auditLog, organizations, users } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import type { Role } from "../domain/enums";
import { isSystemAccount } from "./rules";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  organizationName: string | null;
  active: boolean;
  isDemo: boolean;
  isSystem: boolean;
  /** Invited, no password set yet. */
  pending: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

const lastSignIn = sql<Date | null>`(
  SELECT max(${auditLog.at}) FROM ${auditLog}
  WHERE ${auditLog.targetUserId} = ${users.id} AND ${auditLog.action} = 'auth.sign_in'
)`.mapWith((v: unknown) => (v == null ? null : new Date(v as string)));

function baseQuery(ctx: ActionContext) {
  return ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      roles: users.roles,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      active: users.active,
      isDemo: users.isDemo,
      pending: sql<boolean>`${users.passwordHash} IS NULL`,
      createdAt: users.createdAt,
      lastSignInAt: lastSignIn,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId));
}

/** Every account, active ones first, with its last sign-in. Admins only. */
export async function listUsers({ ctx }: { ctx: ActionContext }): Promise<UserRow[]> {
  assertCan(ctx.user, "user.manage");
  const rows = await baseQuery(ctx).orderBy(desc(users.active), asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, isSystem: isSystemAccount(r) }));
}

/** One account, or null. Admins only. */
export async function getUser({ ctx, userId }: { ctx: ActionContext; userId: string }): Promise<UserRow | null> {
  assertCan(ctx.user, "user.manage");
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [row] = await baseQuery(ctx).where(eq(users.id, userId));
  return row ? { ...row, isSystem: isSystemAccount(row) } : null;
}

export interface OrganizationOption {
  id: string;
  name: string;
  kind: "kommun" | "region" | "lansstyrelse";
}

/** The Swedish organisations a municipal official can act for, for the picker. */
export async function listSwedishOrganizations({ ctx }: { ctx: ActionContext }): Promise<OrganizationOption[]> {
  assertCan(ctx.user, "user.manage");
  const rows = await ctx.db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(and(inArray(organizations.kind, ["kommun", "region", "lansstyrelse"])))
    .orderBy(asc(organizations.name));
  return rows as OrganizationOption[];
}
