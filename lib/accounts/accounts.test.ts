import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { accountTokens, auditLog, outboxMessages, revisions, users } from "@/db/schema";
import { seedDatabase, swedishOrgId } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { contextForSession, type ActionContext } from "../auth/context";
import { ForbiddenError } from "../auth/errors";
import { hashPassword, verifyPassword } from "../auth/password";
import { loadSessionUser } from "../auth/sessions";
import { attemptSignIn } from "../auth/sign-in";
import { startJobs, type JobRuntime } from "../jobs";
import { registerAccountJobs } from "./jobs";
import { addContact } from "./add-contact";
import { changePassword } from "./change-password";
import { listOrganizationContacts } from "./list-contacts";
import { removeContact } from "./remove-contact";
import { updateContact } from "./update-contact";
import { confirmEmailChange } from "./confirm-email-change";
import { inviteUser } from "./invite";
import { requestEmailChange } from "./request-email-change";
import { RESET_JOB, requestPasswordReset } from "./request-reset";
import { setPasswordWithToken } from "./set-password";
import { SEND_LIMITS } from "./send-throttle";
import { checkToken, consumeToken, hashToken, issueToken } from "./tokens";

const LIDKOPING = swedishOrgId({ kind: "kommun", code: "1494" });
const BENGTSFORS = swedishOrgId({ kind: "kommun", code: "1460" });
const STAFF_PASSWORD = "stabil-personal-fras-2026";
const NEW_PASSWORD = "Vänort med Chengdu sedan 2011";

/** The token in the link of the newest message to `address`. */
async function linkTokenTo(db: () => import("@/db/client").Db, address: string): Promise<string> {
  const [m] = await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, address)).orderBy(sql`${outboxMessages.createdAt} desc`).limit(1);
  const token = m?.link?.split("/").pop();
  if (!token) throw new Error(`no link to ${address}`);
  return token;
}

describeEachDriver("accounts", (db, _driver, handle) => {
  const ctx: Record<"admin" | "analyst" | "reviewer" | "official", ActionContext> = {} as never;
  let jobs: JobRuntime;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: false });
    const passwordHash = await hashPassword(STAFF_PASSWORD);
    const rows = await db()
      .insert(users)
      .values([
        { email: "admin@konto.test", name: "Ada Admin", passwordHash, roles: ["admin"] },
        { email: "analys@konto.test", name: "Ann Analys", passwordHash, roles: ["analyst"] },
        { email: "gransk@konto.test", name: "Gun Granskare", passwordHash, roles: ["reviewer"] },
        { email: "bengt@konto.test", name: "Bo Bengtsfors", passwordHash, roles: ["municipal_official"], organizationId: BENGTSFORS },
      ])
      .returning();
    const [a, b, c, d] = await Promise.all(rows.map((r) => contextForSession(db(), r.id, "192.0.2.7")));
    Object.assign(ctx, { admin: a, analyst: b, reviewer: c, official: d });
    registerAccountJobs();
    jobs = await startJobs(handle(), { work: false });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop();
  });

  const invite = (who: ActionContext, input: Record<string, unknown>) => inviteUser({ ctx: who, input: { name: "Li Lidköping", ...input } });

  it("an analyst invites an official of Lidköping: an account without a password, a hashed single-use link, and the e-mail in the same transaction", async () => {
    const result = await invite(ctx.analyst, { email: "Li@Lidkoping.se", organizationId: LIDKOPING });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [user] = await db().select().from(users).where(eq(users.id, result.value.userId));
    expect(user).toMatchObject({ email: "li@lidkoping.se", roles: ["municipal_official"], organizationId: LIDKOPING, passwordHash: null, active: true });
    // Nothing can sign in to it, whatever the password.
    expect((await attemptSignIn(db(), { email: "li@lidkoping.se", password: "", ip: null })).ok).toBe(false);
    expect((await attemptSignIn(db(), { email: "li@lidkoping.se", password: "null", ip: null })).ok).toBe(false);

    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, result.value.messageId));
    expect(message).toMatchObject({ kind: "invitation", toAddress: "li@lidkoping.se", userId: user!.id });
    expect(message!.subject).toContain("Inbjudan till Avtalsregistret");
    expect(message!.bodyText).toContain("Ann Analys har bjudit in dig till Avtalsregistret som kommunal tjänsteperson för Lidköping");
    expect(message!.bodyText).toContain("as a municipal official of Lidköping");
    expect(message!.link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    const token = message!.link!.split("/").pop()!;
    const [stored] = await db().select().from(accountTokens).where(eq(accountTokens.userId, user!.id));
    // Only the hash is stored.
    expect(stored).toMatchObject({ purpose: "invite", tokenHash: hashToken(token), usedAt: null, createdBy: ctx.analyst.user.id });
    expect(JSON.stringify(await queryRows(db(), sql`select * from account_tokens`))).not.toContain(token);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "user.invite"), eq(auditLog.targetUserId, user!.id)));
    expect(audit).toMatchObject({ actorId: ctx.analyst.user.id, ip: "192.0.2.7" });
  });

  it("re-inviting a pending address renews its link (the old one stops working) instead of making a second account", async () => {
    const first = await linkTokenTo(db, "li@lidkoping.se");
    const again = await invite(ctx.admin, { email: "li@lidkoping.se", organizationId: LIDKOPING });
    expect(again).toMatchObject({ ok: true, value: { renewed: true } });
    expect(await db().select().from(users).where(eq(users.email, "li@lidkoping.se"))).toHaveLength(1);
    const second = await linkTokenTo(db, "li@lidkoping.se");
    expect(second).not.toBe(first);
    expect(await checkToken(db(), first, ["invite"])).toEqual({ ok: false, reason: "used" });
    expect((await checkToken(db(), second, ["invite"])).ok).toBe(true);
    // Another role or organisation for the pending address is refused, not silently changed.
    expect(await invite(ctx.analyst, { email: "li@lidkoping.se", organizationId: BENGTSFORS })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["accounts.invite.pendingOther"] },
    });
    // An address with a real account is taken.
    expect(await invite(ctx.analyst, { email: "bengt@konto.test", organizationId: BENGTSFORS })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["admin.emailTaken"] },
    });
  });

  it("lets several officials be invited to one organisation", async () => {
    for (const email of ["tva@lidkoping.se", "tre@lidkoping.se"]) expect((await invite(ctx.analyst, { email, organizationId: LIDKOPING })).ok).toBe(true);
    const officials = await db().select().from(users).where(eq(users.organizationId, LIDKOPING));
    expect(officials.map((u) => u.email).sort()).toEqual(["li@lidkoping.se", "tre@lidkoping.se", "tva@lidkoping.se"]);
  });

  it("refuses invitations by role: officials (own or other organisation) and reviewers never; staff roles only by admins; a foreign organisation never", async () => {
    const count = async () => (await db().select().from(users)).length;
    const before = await count();
    for (const who of [ctx.official, ctx.reviewer]) {
      for (const organizationId of [BENGTSFORS, LIDKOPING]) {
        await expect(invite(who, { email: `x-${organizationId.slice(0, 4)}@konto.test`, organizationId })).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    await expect(invite(ctx.analyst, { email: "ny-analys@konto.test", roles: ["analyst"] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(invite(ctx.analyst, { email: "ny-admin@konto.test", roles: ["admin"] })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(before);
    expect((await invite(ctx.admin, { email: "ny-analys@konto.test", roles: ["analyst", "reviewer"] })).ok).toBe(true);
    const [foreign] = await queryRows<{ id: string }>(db(), sql`select id from organizations where kind = 'foreign' limit 1`);
    expect(await invite(ctx.analyst, { email: "kina@konto.test", organizationId: foreign!.id })).toMatchObject({
      ok: false,
      fieldErrors: { organizationId: ["admin.organizationInvalid"] },
    });
    expect(await invite(ctx.analyst, { email: "utan-org@konto.test" })).toMatchObject({ ok: false, fieldErrors: { organizationId: ["admin.organizationRequired"] } });
  });

  it("throttles invitations to one address", async () => {
    const email = "flod@lidkoping.se";
    const results = [];
    for (let i = 0; i < SEND_LIMITS.address.maxFailures + 1; i++) results.push(await invite(ctx.analyst, { email, organizationId: LIDKOPING }));
    expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, message: "accounts.throttled" });
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).toHaveLength(SEND_LIMITS.address.maxFailures);
  });

  it("sets the password through the invitation: the rules hold against the account's own address, the link works once, and then the person signs in", async () => {
    const token = await linkTokenTo(db, "li@lidkoping.se");
    const set = (password: string, t = token) => setPasswordWithToken({ ctx: { db: db(), ip: "192.0.2.8" }, input: { token: t, password, passwordRepeat: password } });
    expect(await set("kort")).toMatchObject({ ok: false, fieldErrors: { password: ["password.tooShort"] } });
    expect(await set("            ")).toMatchObject({ ok: false, fieldErrors: { password: ["password.onlySpaces"] } });
    expect(await set("password1234")).toMatchObject({ ok: false, fieldErrors: { password: ["password.common"] } });
    expect(await set("li@lidkoping.se")).toMatchObject({ ok: false, fieldErrors: { password: ["password.containsEmail"] } });
    // A refused attempt does not use the link.
    expect((await checkToken(db(), token, ["invite"])).ok).toBe(true);
    expect(await set(NEW_PASSWORD)).toMatchObject({ ok: true, value: { email: "li@lidkoping.se" } });
    expect(await set("Ett helt annat lösenord 2026")).toMatchObject({ ok: false, refused: "used", message: "accounts.token.used" });
    expect((await attemptSignIn(db(), { email: "li@lidkoping.se", password: NEW_PASSWORD, ip: null })).ok).toBe(true);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "user.password_set"));
    expect(entry).toMatchObject({ details: { via: "invite" }, ip: "192.0.2.8" });
  });

  it("refuses expired, foreign-purpose, unknown and malformed links, and the links of deactivated accounts", async () => {
    const [li] = await db().select().from(users).where(eq(users.email, "li@lidkoping.se"));
    const now = new Date();
    const issued = await db().transaction(async (tx) => ({
      reset: await issueToken(tx, { purpose: "reset", userId: li!.id, email: li!.email, createdBy: null, now }),
      change: await issueToken(tx, { purpose: "email_change", userId: li!.id, email: "ny@lidkoping.se", createdBy: li!.id, now }),
    }));
    const hourLater = new Date(now.getTime() + 60 * 60 * 1000 + 1);
    expect(await checkToken(db(), issued.reset.token, ["invite", "reset"], hourLater)).toEqual({ ok: false, reason: "expired" });
    expect(
      await setPasswordWithToken({ ctx: { db: db(), now: hourLater }, input: { token: issued.reset.token, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD } }),
    ).toMatchObject({ ok: false, refused: "expired" });
    // An address-change link cannot set a password, nor a reset link change the address.
    expect(
      await setPasswordWithToken({ ctx: { db: db() }, input: { token: issued.change.token, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD } }),
    ).toMatchObject({ ok: false, refused: "wrong_purpose" });
    expect(await confirmEmailChange({ ctx: { db: db() }, input: { token: issued.reset.token } })).toMatchObject({ ok: false, refused: "wrong_purpose" });
    expect(await checkToken(db(), "A".repeat(43), ["reset"])).toEqual({ ok: false, reason: "invalid" });
    expect(await checkToken(db(), "not a token", ["reset"])).toEqual({ ok: false, reason: "invalid" });
    // Deactivated: refused, and the refusal uses nothing.
    await db().update(users).set({ active: false }).where(eq(users.id, li!.id));
    expect(await checkToken(db(), issued.reset.token, ["reset"], now)).toEqual({ ok: false, reason: "inactive" });
    expect(await db().transaction((tx) => consumeToken(tx, issued.reset.token, ["reset"], now))).toEqual({ ok: false, reason: "inactive" });
    await db().update(users).set({ active: true }).where(eq(users.id, li!.id));
    expect((await checkToken(db(), issued.reset.token, ["reset"], now)).ok).toBe(true);
  });

  it("uses a link once even when two uses race", async () => {
    const [li] = await db().select().from(users).where(eq(users.email, "li@lidkoping.se"));
    const { token } = await db().transaction((tx) => issueToken(tx, { purpose: "reset", userId: li!.id, email: li!.email, createdBy: null }));
    const use = (password: string) => setPasswordWithToken({ ctx: { db: db() }, input: { token, password, passwordRepeat: password } });
    const outcomes = await Promise.all([use("Första lösenordet i loppet"), use("Andra lösenordet i loppet")]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toMatchObject([{ refused: "used" }]);
  });

  it("answers a forgotten password the same for an address with and without an account, and only the account gets a link", async () => {
    const before = await db().select().from(outboxMessages);
    const ask = (email: string, ip: string) => requestPasswordReset({ ctx: { db: db(), ip }, input: { email } });
    const known = await ask("LI@lidkoping.se", "198.51.100.1");
    const unknown = await ask("ingen@lidkoping.se", "198.51.100.2");
    expect(known).toEqual({ ok: true, value: null });
    expect(unknown).toEqual(known);
    // The same path: one job each, with the address only; the accounts were not read by the request.
    const queued = await queryRows<{ data: { email: string } }>(db(), sql`select data from pgboss.job where name = ${RESET_JOB} order by created_on`);
    expect(queued.map((j) => j.data.email)).toEqual(["li@lidkoping.se", "ingen@lidkoping.se"]);
    expect(await db().select().from(outboxMessages)).toHaveLength(before.length);
    expect(await jobs.drain(RESET_JOB)).toBe(2);
    const after = await db().select().from(outboxMessages);
    const added = after.filter((m) => !before.some((b) => b.id === m.id));
    expect(added.map((m) => [m.kind, m.toAddress])).toEqual([["password_reset", "li@lidkoping.se"]]);
    expect(added[0]!.link).toMatch(/\/set-password\//);
    // Invalid input is refused the same way for any address.
    expect(await ask("inte en adress", "198.51.100.3")).toMatchObject({ ok: false, fieldErrors: { email: ["auth.emailInvalid"] } });
  });

  it("throttles forgotten-password requests per address, with the same answer", async () => {
    const email = "flera-forsok@lidkoping.se";
    const answers = [];
    for (let i = 0; i < SEND_LIMITS.address.maxFailures + 2; i++) {
      answers.push(await requestPasswordReset({ ctx: { db: db(), ip: `203.0.113.${i}` }, input: { email } }));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const queued = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from pgboss.job where name = ${RESET_JOB} and data->>'email' = ${email}`);
    expect(queued[0]!.n).toBe(SEND_LIMITS.address.maxFailures);
  });

  it("a reset link sets a new password and ends every session of the account", async () => {
    const [li] = await db().select().from(users).where(eq(users.email, "li@lidkoping.se"));
    const session = { userId: li!.id, sessionVersion: li!.sessionVersion };
    expect(await loadSessionUser(db(), session)).not.toBeNull();
    const token = await linkTokenTo(db, "li@lidkoping.se");
    const password = "Ett nytt lösenord efter glömskan";
    expect(await setPasswordWithToken({ ctx: { db: db() }, input: { token, password, passwordRepeat: password } })).toMatchObject({ ok: true });
    expect(await loadSessionUser(db(), session)).toBeNull();
    expect((await attemptSignIn(db(), { email: "li@lidkoping.se", password, ip: null })).ok).toBe(true);
  });

  it("changes one's own password with the current one: other sessions end, reset links die, a wrong current password counts toward the lock", async () => {
    const [li] = await db().select().from(users).where(eq(users.email, "li@lidkoping.se"));
    const me = await contextForSession(db(), li!.id);
    const current = "Ett nytt lösenord efter glömskan";
    const pending = await db().transaction((tx) => issueToken(tx, { purpose: "reset", userId: li!.id, email: li!.email, createdBy: null }));
    const change = (currentPassword: string, password: string, passwordRepeat = password) =>
      changePassword({ ctx: me, input: { currentPassword, password, passwordRepeat } });
    expect(await change("fel lösenord helt och hållet", "Något nytt och tillräckligt långt")).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["account.currentWrong"] },
    });
    expect(await change(current, "Något nytt och tillräckligt långt", "något annat")).toMatchObject({ ok: false, fieldErrors: { passwordRepeat: ["password.mismatch"] } });
    expect(await change(current, "lidkoping-li-2026!")).toMatchObject({ ok: true }); // not the local part "li" (too short to count)
    expect(await change("lidkoping-li-2026!", "qwertyuiop123")).toMatchObject({ ok: false, fieldErrors: { password: ["password.common"] } });
    const [after] = await db().select().from(users).where(eq(users.id, li!.id));
    expect(after!.sessionVersion).toBeGreaterThan(li!.sessionVersion);
    expect(await loadSessionUser(db(), { userId: li!.id, sessionVersion: li!.sessionVersion })).toBeNull();
    expect(await verifyPassword(after!.passwordHash!, "lidkoping-li-2026!")).toBe(true);
    expect(await checkToken(db(), pending.token, ["reset"])).toEqual({ ok: false, reason: "used" });
    // Five wrong current passwords lock the account's e-mail, as failed sign-ins would.
    for (let i = 0; i < 4; i++) await change(`fel nummer ${i} och långt nog`, "Något nytt och tillräckligt långt");
    expect(await change("fel nummer 5 och långt nog", "Något nytt och tillräckligt långt")).toMatchObject({ ok: false, message: "account.locked" });
    expect(await change("lidkoping-li-2026!", "Något nytt och tillräckligt långt")).toMatchObject({ ok: false, message: "account.locked" });
  });

  it("changes the address only through the link sent to the new address, and tells the old one", async () => {
    const me = ctx.official;
    expect(await requestEmailChange({ ctx: me, input: { newEmail: "bengt@konto.test", currentPassword: STAFF_PASSWORD } })).toMatchObject({
      ok: false,
      fieldErrors: { newEmail: ["account.sameEmail"] },
    });
    expect(await requestEmailChange({ ctx: me, input: { newEmail: "bo@bengtsfors.se", currentPassword: "inte mitt lösenord alls" } })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["account.currentWrong"] },
    });
    // An address another account has: the same answer, and no link.
    const taken = await requestEmailChange({ ctx: me, input: { newEmail: "analys@konto.test", currentPassword: STAFF_PASSWORD } });
    expect(taken).toEqual({ ok: true, value: { email: "analys@konto.test" } });
    expect(await db().select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, "analys@konto.test"), eq(outboxMessages.kind, "email_change")))).toEqual([]);

    expect(await requestEmailChange({ ctx: me, input: { newEmail: "Bo@Bengtsfors.se", currentPassword: STAFF_PASSWORD } })).toEqual({
      ok: true,
      value: { email: "bo@bengtsfors.se" },
    });
    const [u0] = await db().select().from(users).where(eq(users.id, me.user.id));
    expect(u0!.email).toBe("bengt@konto.test");
    const token = await linkTokenTo(db, "bo@bengtsfors.se");
    expect(await confirmEmailChange({ ctx: { db: db() }, input: { token } })).toEqual({ ok: true, value: { userId: me.user.id, email: "bo@bengtsfors.se" } });
    const [u1] = await db().select().from(users).where(eq(users.id, me.user.id));
    expect(u1!.email).toBe("bo@bengtsfors.se");
    expect(await confirmEmailChange({ ctx: { db: db() }, input: { token } })).toMatchObject({ ok: false, refused: "used" });
    const notice = await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, "bengt@konto.test"));
    expect(notice.map((m) => m.subject)).toEqual([expect.stringContaining("Din e-postadress har bytts")]);
    expect((await attemptSignIn(db(), { email: "bo@bengtsfors.se", password: STAFF_PASSWORD, ip: null })).ok).toBe(true);
  });

  it("keeps an organisation's contacts with a revision for every edit, refuses a stale edit, and shows them to staff only", async () => {
    const added = await addContact({ ctx: ctx.analyst, input: { organizationId: LIDKOPING, kind: "registrator", email: "Kommun@Lidkoping.se", note: "Diariet" } });
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(await addContact({ ctx: ctx.admin, input: { organizationId: LIDKOPING, kind: "other", email: "kommun@lidkoping.se" } })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["contacts.duplicate"] },
    });
    expect(await updateContact({ ctx: ctx.admin, input: { id: added.value.id, version: 1, kind: "registrator", name: "Registrator", email: "registrator@lidkoping.se", note: "Diariet" } })).toEqual({
      ok: true,
      value: { version: 2 },
    });
    // Based on the version it saw: nothing is overwritten.
    expect(await updateContact({ ctx: ctx.analyst, input: { id: added.value.id, version: 1, kind: "person", email: "x@lidkoping.se" } })).toMatchObject({
      ok: false,
      message: "contacts.stale",
    });
    const seen = await listOrganizationContacts({ ctx: ctx.reviewer, input: { organizationId: LIDKOPING } });
    expect(seen).toMatchObject([{ kind: "registrator", name: "Registrator", email: "registrator@lidkoping.se", note: "Diariet", version: 2 }]);
    await expect(listOrganizationContacts({ ctx: ctx.official, input: { organizationId: BENGTSFORS } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addContact({ ctx: ctx.reviewer, input: { organizationId: LIDKOPING, kind: "other", email: "y@lidkoping.se" } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await removeContact({ ctx: ctx.analyst, input: { id: added.value.id, version: 2 } })).toEqual({ ok: true, value: { organizationId: LIDKOPING } });
    expect(await listOrganizationContacts({ ctx: ctx.analyst, input: { organizationId: LIDKOPING } })).toEqual([]);
    const history = await db().select().from(revisions).where(eq(revisions.entityId, added.value.id)).orderBy(revisions.id);
    expect(history.map((r) => [r.action, r.actorId, r.changedFields])).toEqual([
      ["organization_contact.create", ctx.analyst.user.id, ["email", "kind", "note", "organizationId"]],
      ["organization_contact.update", ctx.admin.user.id, ["email", "name"]],
      ["organization_contact.remove", ctx.analyst.user.id, ["email", "kind", "name", "note", "organizationId"]],
    ]);
  });
});
