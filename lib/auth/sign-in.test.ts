import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, signInThrottle, users } from "@/db/schema";
import { databaseError, describeEachDriver } from "@/db/testing";
import { hashPassword } from "./password";
import { attemptSignIn } from "./sign-in";
import { DEFAULT_THROTTLE_POLICY } from "./throttle";

const PASSWORD = "correct horse battery staple";
const MINUTE = 60_000;

/** A clock the test moves by hand, instead of sleeping through a 15-minute lock. */
function testClock(start = new Date("2026-03-02T09:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

describeEachDriver("sign-in throttling and audit", (db) => {
  let userId: string;
  beforeAll(async () => {
    const [row] = await db()
      .insert(users)
      .values([
        { email: "brute@example.se", name: "Target", passwordHash: await hashPassword(PASSWORD), roles: ["analyst"] },
        { email: "gone@example.se", name: "Former", passwordHash: await hashPassword(PASSWORD), roles: ["analyst"], active: false },
        { email: "spray1@example.se", name: "Sprayed", passwordHash: await hashPassword(PASSWORD), roles: ["reviewer"] },
      ])
      .returning({ id: users.id });
    userId = row!.id;
  });

  async function auditFor(email: string) {
    return db().select().from(auditLog).where(eq(auditLog.email, email)).orderBy(asc(auditLog.id));
  }

  it("signs in with the right password and records the sign-in with the email as typed and the address", async () => {
    const clock = testClock();
    const outcome = await attemptSignIn(db(), { email: " Brute@Example.se ", password: PASSWORD, ip: "192.0.2.1" }, clock);
    expect(outcome.ok).toBe(true);
    const [entry] = await auditFor("Brute@Example.se");
    expect(entry).toMatchObject({ action: "auth.sign_in", actorId: userId, targetUserId: userId, ip: "192.0.2.1" });
  });

  it("locks the account after 20 wrong passwords, refuses the right one while locked, and accepts it after the lock", async () => {
    const clock = testClock();
    const ip = "198.51.100.7";
    const outcomes = [];
    for (let i = 0; i < 20; i++) {
      outcomes.push(await attemptSignIn(db(), { email: "brute@example.se", password: `guess-${i}`, ip }, clock));
      clock.advance(1000);
    }
    const reasons = outcomes.map((o) => (o.ok ? "ok" : o.reason));
    // Four plain refusals; the fifth failure locks; every later attempt is refused unchecked.
    expect(reasons.slice(0, 4)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(reasons.slice(4)).toEqual(Array(16).fill("locked"));

    const whileLocked = await attemptSignIn(db(), { email: "brute@example.se", password: PASSWORD, ip }, clock);
    expect(whileLocked).toMatchObject({ ok: false, reason: "locked" });

    // Only the five checked failures were counted, so the address itself is not locked.
    const [row] = await db().select().from(signInThrottle).where(eq(signInThrottle.key, "email:brute@example.se"));
    expect(row?.failures).toBe(5);

    const entries = await auditFor("brute@example.se");
    expect(entries.filter((e) => e.action === "auth.lockout")).toHaveLength(1);
    // Five checked failures; of the 16 refusals while locked, the 1st and the 10th are audited.
    expect(entries.filter((e) => e.action === "auth.sign_in_failed")).toHaveLength(7);
    expect(entries.filter((e) => (e.details as { reason?: string })?.reason === "locked").map((e) => e.details)).toEqual([
      { reason: "locked", refusals: 1 },
      { reason: "locked", refusals: 10 },
    ]);

    clock.advance(DEFAULT_THROTTLE_POLICY.email.lockMs);
    const after = await attemptSignIn(db(), { email: "brute@example.se", password: PASSWORD, ip }, clock);
    expect(after.ok).toBe(true);
    // A success forgets the email's failures.
    expect(await db().select().from(signInThrottle).where(eq(signInThrottle.key, "email:brute@example.se"))).toEqual([]);
  });

  it("locks an email nobody has in the same way, so the answers do not reveal which emails exist", async () => {
    const clock = testClock();
    const reasons = [];
    for (let i = 0; i < 6; i++) {
      const o = await attemptSignIn(db(), { email: "nobody@example.se", password: `guess-${i}`, ip: "203.0.113.9" }, clock);
      reasons.push(o.ok ? "ok" : o.reason);
    }
    expect(reasons).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"]);
    const [failed] = await auditFor("nobody@example.se");
    expect(failed).toMatchObject({ action: "auth.sign_in_failed", actorId: null, details: { reason: "unknown_email" } });
  });

  it("refuses a deactivated account with the right password, as if the password were wrong", async () => {
    const clock = testClock();
    const outcome = await attemptSignIn(db(), { email: "gone@example.se", password: PASSWORD, ip: "192.0.2.50" }, clock);
    expect(outcome).toEqual({ ok: false, reason: "invalid" });
    const [entry] = await auditFor("gone@example.se");
    expect(entry?.details).toEqual({ reason: "inactive" });
  });

  it("locks an address that tries many emails (password spraying), even for a right password from there", async () => {
    const clock = testClock(new Date("2026-03-03T09:00:00Z"));
    const ip = "203.0.113.77";
    const max = DEFAULT_THROTTLE_POLICY.ip.maxFailures;
    for (let i = 0; i < max; i++) {
      await attemptSignIn(db(), { email: `spray-${i}@example.se`, password: "Sommar2026!", ip }, clock);
    }
    const fromThere = await attemptSignIn(db(), { email: "spray1@example.se", password: PASSWORD, ip }, clock);
    expect(fromThere).toMatchObject({ ok: false, reason: "locked" });
    const elsewhere = await attemptSignIn(db(), { email: "spray1@example.se", password: PASSWORD, ip: "192.0.2.99" }, clock);
    expect(elsewhere.ok).toBe(true);
    const lockouts = await db().select().from(auditLog).where(eq(auditLog.action, "auth.lockout"));
    expect(lockouts.some((e) => e.ip === ip && (e.details as { scope?: string }).scope === "ip")).toBe(true);
  });

  it("caps and throttles junk input from one address: 430-character inputs write a bounded number of audit rows", async () => {
    const clock = testClock(new Date("2026-03-05T09:00:00Z"));
    const ip = "203.0.113.43";
    const junk = "x".repeat(430);
    const outcomes = [];
    for (let i = 0; i < 120; i++) outcomes.push(await attemptSignIn(db(), { email: `${junk}${i}@example.se`, password: junk, ip }, clock));
    expect(outcomes.slice(0, DEFAULT_THROTTLE_POLICY.ip.maxFailures).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes.slice(DEFAULT_THROTTLE_POLICY.ip.maxFailures).every((o) => !o.ok && o.reason === "locked")).toBe(true);
    const rows = await db().select().from(auditLog).where(eq(auditLog.ip, ip));
    // 30 counted, one lockout, and of the 90 refusals while locked the 1st and the 10th.
    expect(rows).toHaveLength(DEFAULT_THROTTLE_POLICY.ip.maxFailures + 1 + 2);
    expect(Math.max(...rows.map((r) => r.email?.length ?? 0))).toBe(254);
    // The address is locked for everyone's sign-in from there, the right password included.
    expect(await attemptSignIn(db(), { email: "brute@example.se", password: PASSWORD, ip }, clock)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts parallel wrong guesses one by one, so that a burst cannot slip past the limit", async () => {
    const clock = testClock(new Date("2026-03-04T09:00:00Z"));
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attemptSignIn(db(), { email: "brute@example.se", password: `burst-${i}`, ip: `192.0.2.${100 + i}` }, clock)),
    );
    expect(burst.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(4);
    expect(burst.filter((o) => !o.ok && o.reason === "locked")).toHaveLength(8);
  });

  it("keeps the audit log append-only", async () => {
    expect(await databaseError(db().update(auditLog).set({ email: "rewritten@example.se" }).where(eq(auditLog.email, "gone@example.se")))).toMatch(
      /append-only/,
    );
    expect(await databaseError(db().delete(auditLog).where(eq(auditLog.email, "gone@example.se")))).toMatch(/append-only/);
  });
});

describe("throttle policy", () => {
  it("locks an email after 5 failures within 15 minutes, for 15 minutes", () => {
    expect(DEFAULT_THROTTLE_POLICY.email).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
  });
});
