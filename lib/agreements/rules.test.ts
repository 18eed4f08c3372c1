import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, proposals, revisions } from "@/db/schema";
import { seedDatabase, swedishOrgId } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { databaseError, describeEachDriver } from "@/db/testing";
import { runAction } from "../actions/result";
import type { ActionContext } from "../auth/guard";
import { actingAs, ANALYST, OFFICIAL, REVIEWER } from "../events/test-support";
import { approveProposal, createProposal, rebaseProposal, reviseProposal } from "../review/proposals";
import { EMPTY_AGREEMENT } from "../validation/agreements";
import { createAgreement } from "./create";

// Issue 10, finding 2: every write of an agreement obeys the same party and date rules, a
// proposal is checked in full when it is proposed, and the database refuses the wrong sides.

const BENGTSFORS_WUZHOU = seedId("agreement", "bengtsfors-wuzhou-twin");
const BENGTSFORS = swedishOrgId({ kind: "kommun", code: "1460" });
const KIRUNA = swedishOrgId({ kind: "kommun", code: "2584" });
const WUHAN = seedId("foreign-org", "cn-wuhan");
const WUZHOU = seedId("foreign-org", "cn-wuzhou");
const NOWHERE = "00000000-0000-4000-8000-000000000000";

describeEachDriver("the agreement rules on every path (issue 10 #2)", (db) => {
  let official: ActionContext;
  let analyst: ActionContext;
  let reviewer: ActionContext;
  const version = async () => (await db().select().from(agreements).where(eq(agreements.id, BENGTSFORS_WUZHOU)))[0]!.version;
  const proposalCount = async () => (await db().select({ n: count() }).from(proposals))[0]!.n;
  const propose = async (changes: Record<string, unknown>) =>
    runAction(async () => createProposal({ ctx: official, input: { kind: "agreement.update", agreementId: BENGTSFORS_WUZHOU, baseVersion: await version(), changes } }));

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    [official, analyst, reviewer] = await Promise.all([actingAs(db(), OFFICIAL), actingAs(db(), ANALYST), actingAs(db(), REVIEWER)]);
  });

  describe("a proposal is refused when it is made, field by field", () => {
    it.each([
      ["a Swedish kommun as the foreign party", { foreignOrgId: KIRUNA }, { "changes.foreignOrgId": ["rules.foreignIsSwedish"] }],
      ["a Chinese city as the Swedish party", { swedishOrgId: WUHAN }, { "changes.swedishOrgId": ["rules.swedishNotSwedish"] }],
      ["an organisation that does not exist", { foreignOrgId: NOWHERE }, { "changes.foreignOrgId": ["rules.partyMissing"] }],
      [
        "equal parties",
        { swedishOrgId: WUZHOU },
        { "changes.swedishOrgId": ["rules.swedishNotSwedish"], "changes.foreignOrgId": ["rules.partiesEqual"] },
      ],
      ["a date that does not exist", { established: "2019-02-30" }, { "changes.established": ["rules.dateNoSuchDate"] }],
      ["a year in the future", { established: "2999" }, { "changes.established": ["rules.dateFuture"] }],
    ])("refuses %s", async (_name, changes, fieldErrors) => {
      const before = await proposalCount();
      expect(await propose(changes)).toMatchObject({ ok: false, code: "invalid", fieldErrors });
      expect(await proposalCount()).toBe(before);
    });

    it("refuses a status proposal dated 2026-02-31 with a field error, not a server error", async () => {
      const result = await runAction(() =>
        createProposal({
          ctx: official,
          input: {
            kind: "event.create",
            agreementId: BENGTSFORS_WUZHOU,
            event: {
              status: "terminated",
              effective: "2026-02-31",
              sources: [{ type: "protocol", body: "Kommunstyrelsen", meetingDate: "2026-02-20", diarienummer: "KS 2026/1" }],
            },
          },
        }),
      );
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "event.effective": ["rules.dateNoSuchDate"] } });
    });

    it("refuses a revision that would break a rule", async () => {
      const made = await propose({ funding: "Kommunen" });
      expect(made.ok).toBe(true);
      const [p] = await db().select().from(proposals).orderBy(sql`created_at desc`).limit(1);
      const revised = await runAction(async () =>
        reviseProposal({
          ctx: official,
          input: { proposalId: p!.id, proposal: { kind: "agreement.update", agreementId: BENGTSFORS_WUZHOU, baseVersion: await version(), changes: { foreignOrgId: KIRUNA } } },
        }),
      );
      expect(revised).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "changes.foreignOrgId": ["rules.foreignIsSwedish"] } });
    });
  });

  describe("a stored proposal that breaks a rule (made before the rules, or written by hand)", () => {
    let proposalId: string;
    beforeAll(async () => {
      const v = await version();
      const [p] = await db()
        .insert(proposals)
        .values({
          kind: "agreement.update",
          agreementId: BENGTSFORS_WUZHOU,
          organizationId: BENGTSFORS,
          baseVersion: v,
          payload: { kind: "agreement.update", agreementId: BENGTSFORS_WUZHOU, baseVersion: v, changes: { foreignOrgId: KIRUNA } },
          authorId: official.user.id,
        })
        .returning();
      proposalId = p!.id;
    });

    it("is refused at approval with the field error, and nothing is written", async () => {
      const before = await db().select().from(agreements).where(eq(agreements.id, BENGTSFORS_WUZHOU));
      const revisionCount = (await db().select({ n: count() }).from(revisions))[0]!.n;
      const result = await runAction(() => approveProposal({ ctx: reviewer, input: { proposalId, version: 1 } }));
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { foreignOrgId: ["rules.foreignIsSwedish"] } });
      expect(await db().select().from(agreements).where(eq(agreements.id, BENGTSFORS_WUZHOU))).toEqual(before);
      expect((await db().select({ n: count() }).from(revisions))[0]!.n).toBe(revisionCount);
      expect((await db().select().from(proposals).where(eq(proposals.id, proposalId)))[0]!.status).toBe("open");
    });

    it("is refused when rebased", async () => {
      const result = await runAction(() => rebaseProposal({ ctx: official, input: { proposalId } }));
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "changes.foreignOrgId": ["rules.foreignIsSwedish"] } });
    });
  });

  it("refuses the year 2999 and control characters in the agreement form", async () => {
    const input = { ...EMPTY_AGREEMENT, swedishOrgId: KIRUNA, foreign: { mode: "existing" as const, id: WUHAN }, kind: "other" as const };
    expect(await createAgreement({ ctx: analyst, input: { ...input, established: "2999" } })).toMatchObject({
      ok: false,
      fieldErrors: { established: ["rules.dateFuture"] },
    });
    expect(await createAgreement({ ctx: analyst, input: { ...input, designation: "Avtal\u0000", notes: "\u202Eavtal" } })).toMatchObject({
      ok: false,
      fieldErrors: { designation: ["rules.controlChars"], notes: ["rules.controlChars"] },
    });
  });

  it("the database refuses a direct UPDATE that puts a party on the wrong side", async () => {
    expect(await databaseError(db().execute(sql`UPDATE agreements SET foreign_org_id = ${KIRUNA} WHERE id = ${BENGTSFORS_WUZHOU}`))).toMatch(
      /foreign party .* is Swedish/,
    );
    expect(await databaseError(db().execute(sql`UPDATE agreements SET swedish_org_id = ${WUHAN} WHERE id = ${BENGTSFORS_WUZHOU}`))).toMatch(
      /Swedish party .* is not Swedish/,
    );
    expect(await databaseError(db().execute(sql`UPDATE organizations SET kind = 'kommun' WHERE id = ${WUZHOU}`))).toMatch(
      /cannot change between Swedish and foreign/,
    );
  });
});
