import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { changeRoles } from "../users/change-roles";
import { createUser } from "../users/create";
import { deactivateUser } from "../users/deactivate";
import { createFirstAdmin } from "../users/first-admin";
import { reactivateUser } from "../users/reactivate";
import { contextForSession, type ActionContext } from "./context";
import { endUserSessions, loadSessionUser, renewSession, SESSION_ABSOLUTE_SECONDS, startSession, type SessionClaims } from "./sessions";
import { attemptSignIn } from "./sign-in";

const PASSWORD = "a-long-enough-password";
const HOUR = 3_600_000;

it("ends a session at its absolute lifetime however often it is renewed", () => {
  const signedIn = Date.UTC(2026, 11, 1, 8, 0, 0);
  let token: ReturnType<typeof renewSession> = startSession({}, { id: "u1", sessionVersion: 3 }, signedIn);
  expect(token).toMatchObject({ sub: "u1", sv: 3, authTime: signedIn / 1000 });
  // An active user renews every half hour, well within the 8-hour idle limit.
  let lastAlive = signedIn;
  for (let at = signedIn; token && at < signedIn + 24 * HOUR; at += HOUR / 2) {
    token = renewSession(token, at);
    if (token) lastAlive = at;
  }
  expect(token).toBeNull();
  expect(lastAlive).toBe(signedIn + SESSION_ABSOLUTE_SECONDS * 1000 - HOUR / 2);
  expect(SESSION_ABSOLUTE_SECONDS).toBe(12 * 3600);
  // A token without our claims (issued before they existed) is not renewed either.
  expect(renewSession({ sub: "u1" }, signedIn)).toBeNull();
});

describeEachDriver("sessions ended on the server", (db) => {
  let admin: ActionContext;
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: false });
    const created = await createFirstAdmin(db(), { email: "chef@example.se", name: "Admin", password: PASSWORD }, "command");
    admin = await contextForSession(db(), created.id);
  });

  /** Signs in as next-auth's authorize does and returns the session the cookie would carry. */
  async function signIn(email: string) {
    const outcome = await attemptSignIn(db(), { email, password: PASSWORD, ip: "192.0.2.9" });
    if (!outcome.ok) throw new Error("sign-in failed");
    const token = startSession<SessionClaims>({}, outcome.user, Date.now());
    return { userId: token.sub, sessionVersion: token.sv };
  }
  async function newAnalyst(email: string) {
    const r = await createUser({ ctx: admin, input: { email, name: "Sam", password: PASSWORD, roles: ["analyst"] } });
    if (!r.ok) throw new Error("create failed");
    return r.value.id;
  }

  it("a copied session stops working once the account's sessions are ended; a new sign-in works", async () => {
    await newAnalyst("sam@example.se");
    const copied = await signIn("sam@example.se");
    const other = await signIn("sam@example.se");
    expect(await loadSessionUser(db(), copied)).toMatchObject({ email: "sam@example.se" });
    await endUserSessions(db(), copied.userId!);
    expect(await loadSessionUser(db(), copied)).toBeNull();
    expect(await loadSessionUser(db(), other)).toBeNull();
    expect(await loadSessionUser(db(), await signIn("sam@example.se"))).toMatchObject({ email: "sam@example.se" });
    expect(await loadSessionUser(db(), { userId: copied.userId })).toBeNull();
  });

  it("deactivation ends sessions for good: reactivating the account does not revive them", async () => {
    const userId = await newAnalyst("leaver@example.se");
    const session = await signIn("leaver@example.se");
    expect((await deactivateUser({ ctx: admin, input: { userId } })).ok).toBe(true);
    expect(await loadSessionUser(db(), session)).toBeNull();
    expect((await reactivateUser({ ctx: admin, input: { userId } })).ok).toBe(true);
    expect(await loadSessionUser(db(), session)).toBeNull();
  });

  it("a deactivated account has no session even when its session version was not raised (what /api/auth/session reports)", async () => {
    const userId = await newAnalyst("quiet-leaver@example.se");
    const session = await signIn("quiet-leaver@example.se");
    // Deactivated by hand, without ending the sessions: the account's state alone decides.
    await db().update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await loadSessionUser(db(), session)).toBeNull();
    await db().update(users).set({ active: true }).where(eq(users.id, userId));
    expect(await loadSessionUser(db(), session)).toMatchObject({ email: "quiet-leaver@example.se" });
  });

  it("a role change ends the account's sessions", async () => {
    const userId = await newAnalyst("mover@example.se");
    const session = await signIn("mover@example.se");
    const change = await changeRoles({ ctx: admin, input: { userId, roles: ["reviewer"], base: { roles: ["analyst"], organizationId: null } } });
    expect(change).toEqual({ ok: true, value: { changed: true } });
    expect(await loadSessionUser(db(), session)).toBeNull();
    expect((await loadSessionUser(db(), await signIn("mover@example.se")))?.roles).toEqual(["reviewer"]);
  });
});
