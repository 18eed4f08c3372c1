import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, organizations, revisions, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import type { Role } from "../domain/enums";
import { EMPTY_AGREEMENT, type AgreementInput } from "../validation/agreements";
import { createForeignOrganization } from "../organizations/create";
import { createAgreement } from "./create";
import { updateAgreement } from "./update";
import type { WriteContext } from "./write";

const KIRUNA = seedId("swedish-org", "kommun:2584");
const BENGTSFORS = seedId("swedish-org", "kommun:1460");
const WUHAN = seedId("foreign-org", "cn-wuhan");
const HUBEI = seedId("foreign-org", "cn-hubei");
const MALMO_TANGSHAN = seedId("agreement", "malmo-tangshan-twin");

describeEachDriver("creating and editing agreements", (db) => {
  const ctx = (role: Role, organizationId: string | null = null): WriteContext => ({
    db: db(),
    user: { id: userIds[role]!, roles: [role], organizationId },
  });
  const userIds: Partial<Record<Role, string>> = {};
  const input = (over: Partial<AgreementInput> = {}): AgreementInput => ({
    ...EMPTY_AGREEMENT,
    swedishOrgId: KIRUNA,
    foreign: { mode: "existing", id: WUHAN },
    designation: "Vänortsavtal",
    established: "2019-05",
    areas: "utbildning\nkultur; utbildning",
    ...over,
  });
  const revisionsOf = (entityId: string) => db().select().from(revisions).where(eq(revisions.entityId, entityId)).orderBy(revisions.id);
  const agreementCount = async () => (await db().select({ n: count() }).from(agreements))[0]!.n;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    for (const u of await db().select().from(users).where(eq(users.isDemo, true))) for (const r of u.roles) userIds[r] ??= u.id;
  });

  describe("create", () => {
    it("creates an agreement with its revision, as precise as the date typed", async () => {
      const result = await createAgreement({ ctx: ctx("analyst"), input: input() });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [row] = await db().select().from(agreements).where(eq(agreements.id, result.id));
      expect(row).toMatchObject({
        swedishOrgId: KIRUNA,
        foreignOrgId: WUHAN,
        kind: "twin_city",
        establishedOn: "2019-05-01",
        establishedPrecision: "month",
        areas: ["utbildning", "kultur"],
        funding: null,
        version: 1,
        createdBy: userIds.analyst,
      });
      const [revision] = await revisionsOf(result.id);
      expect(revision).toMatchObject({ action: "agreement.create", actorId: userIds.analyst, before: null });
      expect(revision!.after).toMatchObject({ id: result.id, establishedOn: "2019-05-01", version: 1 });
    });

    it("creates a new foreign party inline, in the same transaction, with its own revision", async () => {
      const result = await createAgreement({
        ctx: ctx("analyst"),
        input: input({
          kind: "partnership",
          foreign: { mode: "new", org: { name: "Xiaogan", nameNative: "孝感市", level: "prefecture_city", parentId: HUBEI, countryCode: "cn" } },
        }),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [row] = await db().select().from(agreements).where(eq(agreements.id, result.id));
      const [org] = await db().select().from(organizations).where(eq(organizations.id, row!.foreignOrgId));
      expect(org).toMatchObject({ kind: "foreign", name: "Xiaogan", nameNative: "孝感市", parentId: HUBEI, countryCode: "CN" });
      expect((await revisionsOf(org!.id)).map((r) => r.action)).toEqual(["organization.create"]);
    });

    it("refuses what a reviewer or an official asks, and writes nothing", async () => {
      const before = await agreementCount();
      for (const role of ["reviewer", "municipal_official"] as const) {
        const result = await createAgreement({ ctx: ctx(role, BENGTSFORS), input: input({ swedishOrgId: BENGTSFORS, kind: "other" }) });
        expect(result).toMatchObject({ ok: false, error: "forbidden" });
      }
      expect(await agreementCount()).toBe(before);
    });

    it("answers bad input field by field", async () => {
      const result = await createAgreement({
        ctx: ctx("analyst"),
        input: { ...input(), swedishOrgId: "", foreign: { mode: "existing", id: "" }, established: "2019-13", kind: "friendship" },
      });
      expect(result).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: {
          swedishOrgId: ["registry.errors.swedishRequired"],
          "foreign.id": ["registry.errors.foreignRequired"],
          established: ["rules.dateNoSuchDate"],
          kind: ["registry.errors.kindRequired"],
        },
      });
    });

    it("refuses parties of the wrong side and a second agreement of the same kind between the same parties", async () => {
      expect(await createAgreement({ ctx: ctx("analyst"), input: input({ swedishOrgId: WUHAN, kind: "other" }) })).toMatchObject({
        fieldErrors: { swedishOrgId: ["rules.swedishNotSwedish"] },
      });
      expect(
        await createAgreement({ ctx: ctx("analyst"), input: input({ foreign: { mode: "existing", id: KIRUNA }, kind: "other" }) }),
      ).toMatchObject({ fieldErrors: { "foreign.id": ["rules.foreignIsSwedish"] } });
      expect(await createAgreement({ ctx: ctx("analyst"), input: input() })).toMatchObject({
        fieldErrors: { kind: ["registry.errors.duplicate"] },
      });
    });

    it("rolls back the new foreign party when the agreement is refused", async () => {
      const orgs = (await db().select({ n: count() }).from(organizations))[0]!.n;
      const result = await createAgreement({
        ctx: ctx("analyst"),
        input: input({ swedishOrgId: WUHAN, foreign: { mode: "new", org: { name: "Ezhou", nameNative: "", level: "", parentId: "", countryCode: "CN" } } }),
      });
      expect(result.ok).toBe(false);
      expect((await db().select({ n: count() }).from(organizations))[0]!.n).toBe(orgs);
    });

    it("refuses a foreign party that already exists, by name whatever the accents or by native name", async () => {
      for (const org of [
        { name: "WUHAN", nameNative: "" },
        { name: "Wu-Han City", nameNative: "武汉市" },
      ]) {
        const result = await createForeignOrganization({
          ctx: ctx("analyst"),
          input: { ...org, level: "prefecture_city", parentId: "", countryCode: "CN" },
        });
        expect(result).toMatchObject({ ok: false, fieldErrors: { name: ["registry.errors.organizationExists"] } });
      }
      expect(
        await createForeignOrganization({ ctx: ctx("analyst"), input: { name: "Sweden", nameNative: "", level: "", parentId: "", countryCode: "SE" } }),
      ).toMatchObject({ ok: false, fieldErrors: { countryCode: ["registry.errors.countryNotSweden"] } });
      expect(
        await createForeignOrganization({ ctx: ctx("reviewer"), input: { name: "Ezhou", nameNative: "", level: "", parentId: "", countryCode: "CN" } }),
      ).toMatchObject({ ok: false, error: "forbidden" });
    });
  });

  describe("update", () => {
    const current = async () => (await db().select().from(agreements).where(eq(agreements.id, MALMO_TANGSHAN)))[0]!;
    const editInput = async (over: Partial<AgreementInput> & { baseVersion?: number; reason?: string } = {}) => {
      const row = await current();
      return {
        id: row.id,
        baseVersion: row.version,
        reason: "",
        swedishOrgId: row.swedishOrgId,
        foreign: { mode: "existing" as const, id: row.foreignOrgId },
        kind: row.kind,
        designation: row.designation ?? "",
        established: "2012",
        funding: row.funding ?? "",
        areas: row.areas.join("\n"),
        notes: row.notes ?? "",
        ...over,
      };
    };

    it("saves an edit, bumps the version and records before and after with the reason", async () => {
      const before = await current();
      const result = await updateAgreement({ ctx: ctx("analyst"), input: await editInput({ funding: "Egen budget", reason: "Enligt protokoll" }) });
      expect(result).toMatchObject({ ok: true, version: before.version + 1, changed: expect.arrayContaining(["funding"]) });
      const after = await current();
      expect(after).toMatchObject({ funding: "Egen budget", version: before.version + 1, updatedBy: userIds.analyst });
      const last = (await revisionsOf(MALMO_TANGSHAN)).at(-1)!;
      expect(last).toMatchObject({ action: "agreement.update", actorId: userIds.analyst, reason: "Enligt protokoll" });
      expect(last.changedFields).toContain("funding");
      expect(last.before).toMatchObject({ funding: before.funding, version: before.version });
      expect(last.after).toMatchObject({ funding: "Egen budget", version: before.version + 1 });
    });

    it("writes nothing for an edit that changes nothing", async () => {
      const n = (await revisionsOf(MALMO_TANGSHAN)).length;
      const result = await updateAgreement({ ctx: ctx("analyst"), input: await editInput() });
      expect(result).toMatchObject({ ok: true, changed: [] });
      expect(await revisionsOf(MALMO_TANGSHAN)).toHaveLength(n);
    });

    it("refuses an edit based on an old version, saying what changed meanwhile, and writes nothing", async () => {
      const base = await editInput();
      const first = await updateAgreement({ ctx: ctx("analyst"), input: { ...base, designation: "Vänortsavtal Malmö–Tangshan", notes: "Theirs" } });
      expect(first.ok).toBe(true);
      const saved = await current();
      const revisionCount = (await revisionsOf(MALMO_TANGSHAN)).length;

      const second = await updateAgreement({ ctx: ctx("analyst"), input: { ...base, designation: "Mitt förslag", funding: "Mine" } });
      expect(second).toMatchObject({
        ok: false,
        error: "conflict",
        message: "registry.errors.conflict",
        conflict: {
          currentVersion: saved.version,
          changedBy: "Demo Analytiker",
          changes: [
            { field: "designation", theirs: "Vänortsavtal Malmö–Tangshan", yours: "Mitt förslag" },
            { field: "notes", theirs: "Theirs", yours: base.notes },
          ],
        },
      });
      expect(await current()).toEqual(saved);
      expect(await revisionsOf(MALMO_TANGSHAN)).toHaveLength(revisionCount);

      // Re-based on the current version, the same values go through.
      const retry = await updateAgreement({
        ctx: ctx("analyst"),
        input: { ...base, baseVersion: saved.version, designation: "Mitt förslag", funding: "Mine" },
      });
      expect(retry).toMatchObject({ ok: true, version: saved.version + 1 });
    });

    it("lets exactly one of two simultaneous edits of the same version win", async () => {
      const base = await editInput();
      const results = await Promise.all([
        updateAgreement({ ctx: ctx("analyst"), input: { ...base, funding: "A" } }),
        updateAgreement({ ctx: ctx("analyst"), input: { ...base, funding: "B" } }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error === "conflict")).toHaveLength(1);
      expect((await current()).version).toBe(base.baseVersion + 1);
    });

    it("refuses an official's direct edit, an unknown agreement and bad input", async () => {
      const official = await updateAgreement({ ctx: ctx("municipal_official", BENGTSFORS), input: { ...(await editInput()), funding: "X" } });
      expect(official).toMatchObject({ ok: false, error: "forbidden" });
      const unknown = await updateAgreement({ ctx: ctx("analyst"), input: { ...(await editInput()), id: seedId("agreement", "nope") } });
      expect(unknown).toMatchObject({ ok: false, error: "not_found" });
      const bad = await updateAgreement({ ctx: ctx("analyst"), input: { ...(await editInput()), established: "sommaren 2019" } });
      expect(bad).toMatchObject({ ok: false, error: "invalid", fieldErrors: { established: ["registry.errors.date"] } });
      expect(
        (await db().select().from(revisions).where(and(eq(revisions.entityId, MALMO_TANGSHAN), eq(revisions.actorId, userIds.municipal_official!)))).length,
      ).toBe(0);
    });
  });
});
