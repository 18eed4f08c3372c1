import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, organizations, users } from "@/db/schema";
import { seedDatabase, swedishOrgId } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { listAuditLog } from "../auth/audit-list";
import { contextForSession, type ActionContext } from "../auth/context";
import { UnauthenticatedError } from "../auth/errors";
import { hashPassword, verifyPassword } from "../auth/password";
import { attemptSignIn } from "../auth/sign-in";
import { changeRoles } from "./change-roles";
import { createUser } from "./create";
import { deactivateUser } from "./deactivate";
import { countActiveAdmins, createFirstAdmin } from "./first-admin";
import { getUser, listUsers } from "./list";
import { reactivateUser } from "./reactivate";

const PASSWORD = "a-long-enough-password";
const bengtsfors = swedishOrgId({ kind: "kommun", code: "1460" });

describeEachDriver("account administration", (db) => {
  let admin: ActionContext;
  let foreignOrgId: string;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: false });
    const created = await createFirstAdmin(db(), { email: "Chef@Example.se", name: "Första Admin", password: PASSWORD }, "command");
    expect(created.status).toBe("created");
    admin = await contextForSession(db(), created.id, "192.0.2.1");
    const [foreign] = await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, "foreign")).limit(1);
    foreignOrgId = foreign!.id;
  });

  const create = (input: Record<string, unknown>) => createUser({ ctx: admin, input: { name: "Anna Analys", password: PASSWORD, ...input } });

  it("creates the first admin once, with a hashed password, and leaves an existing account untouched", async () => {
    const [row] = await db().select().from(users).where(eq(users.email, "chef@example.se"));
    expect(row).toMatchObject({ roles: ["admin"], active: true, isDemo: false });
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    const again = await createFirstAdmin(db(), { email: "chef@example.se", name: "Other", password: "another-password-entirely" }, "environment");
    expect(again).toEqual({ status: "exists", id: row!.id, isAdmin: true });
    const [after] = await db().select().from(users).where(eq(users.email, "chef@example.se"));
    expect(after!.passwordHash).toBe(row!.passwordHash);
    await expect(createFirstAdmin(db(), { email: "x@example.se", name: "X", password: "short" }, "command")).rejects.toThrow(
      /at least 12 characters/,
    );
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, "user.create"), eq(auditLog.targetUserId, row!.id)));
    expect(entry).toMatchObject({ actorId: null, details: { via: "command", roles: ["admin"] } });
  });

  it("creates a user holding both analyst and reviewer, and records who created it from where", async () => {
    const result = await create({ email: "Anna@Example.se", roles: ["reviewer", "analyst"] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await db().select().from(users).where(eq(users.id, result.value.id));
    expect(row).toMatchObject({ email: "anna@example.se", roles: ["analyst", "reviewer"], organizationId: null });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, "user.create"), eq(auditLog.targetUserId, row!.id)));
    expect(entry).toMatchObject({ actorId: admin.user.id, email: "anna@example.se", ip: "192.0.2.1" });
  });

  it("refuses bad input field by field", async () => {
    expect(await create({ email: "not-an-email", roles: [], password: "short", name: " " })).toEqual({
      ok: false,
      message: "admin.fixErrors",
      fieldErrors: {
        name: ["admin.nameRequired"],
        email: ["auth.emailInvalid"],
        password: ["password.tooShort"],
        roles: ["admin.rolesRequired"],
      },
    });
    expect(await create({ email: "anna@example.se", roles: ["analyst"] })).toMatchObject({ ok: false, fieldErrors: { email: ["admin.emailTaken"] } });
    expect(await create({ email: "mix@example.se", roles: ["admin", "analyst"] })).toMatchObject({ ok: false, fieldErrors: { roles: ["admin.rolesCombination"] } });
    expect(await create({ email: "mix@example.se", roles: ["municipal_official", "reviewer"] })).toMatchObject({
      ok: false,
      fieldErrors: { roles: ["admin.rolesCombination"] },
    });
  });

  it("binds a municipal official to one Swedish organisation, never a foreign one", async () => {
    expect(await create({ email: "off@example.se", roles: ["municipal_official"] })).toMatchObject({
      ok: false,
      fieldErrors: { organizationId: ["admin.organizationRequired"] },
    });
    expect(await create({ email: "off@example.se", roles: ["municipal_official"], organizationId: foreignOrgId })).toMatchObject({
      ok: false,
      fieldErrors: { organizationId: ["admin.organizationInvalid"] },
    });
    const ok = await create({ email: "off@example.se", roles: ["municipal_official"], organizationId: bengtsfors });
    expect(ok.ok).toBe(true);
    // An organisation sent along with another role is dropped, not stored.
    const analyst = await create({ email: "ana2@example.se", roles: ["analyst"], organizationId: bengtsfors });
    if (!analyst.ok) throw new Error("expected success");
    expect((await db().select().from(users).where(eq(users.id, analyst.value.id)))[0]!.organizationId).toBeNull();
  });

  it("changes roles with a before/after audit entry, and refuses a change based on stale roles", async () => {
    const r = await create({ email: "roles@example.se", roles: ["analyst"] });
    if (!r.ok) throw new Error("expected success");
    const userId = r.value.id;
    const change = await changeRoles({
      ctx: admin,
      input: { userId, roles: ["municipal_official"], organizationId: bengtsfors, base: { roles: ["analyst"], organizationId: null } },
    });
    expect(change).toEqual({ ok: true, value: { changed: true } });
    const stale = await changeRoles({ ctx: admin, input: { userId, roles: ["reviewer"], base: { roles: ["analyst"], organizationId: null } } });
    expect(stale).toMatchObject({ ok: false, message: "admin.stale" });
    const [row] = await db().select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ roles: ["municipal_official"], organizationId: bengtsfors });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, "user.roles_change"), eq(auditLog.targetUserId, userId)));
    expect(entry!.details).toEqual({
      before: { roles: ["analyst"], organizationId: null },
      after: { roles: ["municipal_official"], organizationId: bengtsfors },
    });
  });

  it("never leaves the registry without an active admin, and an admin cannot demote or deactivate themselves", async () => {
    expect(await countActiveAdmins(db())).toBe(1);
    const self = admin.user.id;
    expect(await changeRoles({ ctx: admin, input: { userId: self, roles: ["analyst"], base: { roles: ["admin"], organizationId: null } } })).toMatchObject({
      ok: false,
      fieldErrors: { roles: ["admin.cannotDemoteSelf"] },
    });
    expect(await deactivateUser({ ctx: admin, input: { userId: self } })).toMatchObject({ ok: false, message: "admin.cannotDeactivateSelf" });

    const second = await create({ email: "admin2@example.se", roles: ["admin"] });
    if (!second.ok) throw new Error("expected success");
    const admin2 = await contextForSession(db(), second.value.id);
    // With two admins, one may demote the other, but then the remaining one is the last.
    expect(await changeRoles({ ctx: admin2, input: { userId: self, roles: ["analyst"], base: { roles: ["admin"], organizationId: null } } })).toMatchObject({
      ok: true,
    });
    const promoted = await changeRoles({ ctx: admin2, input: { userId: self, roles: ["admin"], base: { roles: ["analyst"], organizationId: null } } });
    expect(promoted.ok).toBe(true);
    expect(await countActiveAdmins(db())).toBe(2);
  });

  it("deactivates a user: no sign-in, no access with an existing session, history kept; reactivation restores it", async () => {
    const r = await create({ email: "leaver@example.se", roles: ["analyst"], password: PASSWORD });
    if (!r.ok) throw new Error("expected success");
    const userId = r.value.id;
    expect((await attemptSignIn(db(), { email: "leaver@example.se", password: PASSWORD, ip: "192.0.2.7" })).ok).toBe(true);

    expect(await deactivateUser({ ctx: admin, input: { userId, reason: "Slutat" } })).toEqual({ ok: true, value: { id: userId } });
    expect(await deactivateUser({ ctx: admin, input: { userId } })).toMatchObject({ ok: false, message: "admin.alreadyInactive" });
    await expect(contextForSession(db(), userId)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await attemptSignIn(db(), { email: "leaver@example.se", password: PASSWORD, ip: "192.0.2.7" })).toEqual({ ok: false, reason: "invalid" });

    const history = await listAuditLog({ ctx: admin, input: { userId } });
    expect(history.rows.map((e) => e.action)).toEqual(["auth.sign_in_failed", "user.deactivate", "auth.sign_in", "user.create"]);
    expect(history.rows[1]).toMatchObject({ actor: { id: admin.user.id }, target: { id: userId }, details: { reason: "Slutat" } });

    expect((await reactivateUser({ ctx: admin, input: { userId } })).ok).toBe(true);
    expect((await contextForSession(db(), userId)).user.roles).toEqual(["analyst"]);
  });

  it("refuses to touch the dataset's import account", async () => {
    const all = await listUsers({ ctx: admin });
    const system = all.find((u) => u.isSystem)!;
    expect(system.active).toBe(false);
    expect(await reactivateUser({ ctx: admin, input: { userId: system.id } })).toMatchObject({ ok: false, message: "admin.systemAccount" });
  });

  it("lists users with their organisation and last sign-in, and finds one by id", async () => {
    const all = await listUsers({ ctx: admin });
    const official = all.find((u) => u.email === "off@example.se");
    expect(official).toMatchObject({ organizationName: "Bengtsfors", active: true });
    const leaver = all.find((u) => u.email === "leaver@example.se");
    expect(leaver?.lastSignInAt).toBeInstanceOf(Date);
    expect(await getUser({ ctx: admin, userId: leaver!.id })).toMatchObject({ email: "leaver@example.se" });
    expect(await getUser({ ctx: admin, userId: "not-a-uuid" })).toBeNull();
  });

  it("filters the audit log by action, text and day, newest first, in pages", async () => {
    const failed = await listAuditLog({ ctx: admin, input: { action: "auth.sign_in_failed" } });
    expect(failed.rows.length).toBeGreaterThan(0);
    expect(failed.rows.every((r) => r.action === "auth.sign_in_failed")).toBe(true);
    const byText = await listAuditLog({ ctx: admin, input: { q: "LEAVER@" } });
    expect(byText.rows.length).toBeGreaterThanOrEqual(4);
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    expect((await listAuditLog({ ctx: admin, input: { from: today, to: today } })).rows.length).toBeGreaterThan(0);
    expect((await listAuditLog({ ctx: admin, input: { to: "2000-01-01" } })).rows).toEqual([]);
    const first = await listAuditLog({ ctx: admin, input: { limit: 2 } });
    expect(first.rows).toHaveLength(2);
    const next = await listAuditLog({ ctx: admin, input: { limit: 2, before: first.nextBefore } });
    expect(next.rows[0]!.id).toBeLessThan(first.rows[1]!.id);
    await expect(listAuditLog({ ctx: admin, input: { from: "2026-13-45" } })).rejects.toThrow();
  });

  it("hashes passwords with argon2id", async () => {
    expect(await hashPassword("x".repeat(12))).toMatch(/^\$argon2id\$/);
  });
});
