import { count, eq, like } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, organizations, revisions, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { queryAllAgreements } from "../agreements/list";
import { DEFAULT_QUERY } from "../agreements/query-params";
import type { WriteContext } from "../agreements/write";
import { agreementsToCsv } from "../export/agreements";
import { columnOf, parseKind } from "./columns";
import { planImport } from "./plan";
import { runImport } from "./run";

function csv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true }).data;
}

const GOOD = csv(`
swedish_party,foreign_party,foreign_party_native,foreign_party_province,kind,established,designation,areas
Kiruna,Xiaogan,孝感市,Hubei,vänortssamarbete,2019-05,Vänortsavtal,utbildning; kultur
Kiruna,Xiaogan,,,kommunalt partnerskap,2020,,
Malmö,Tangshan,,,twin_city,1986,,
Kiruna,Xiaogan,,,twin_city,,Samma igen,
Gällivare,Wuhan,,,partnership,2021-03-04,,
`);

describe("import columns", () => {
  it("reads English and Swedish headers and kinds, whatever the accents", () => {
    expect(["Swedish party", "svensk part", "Benämning", "ETABLERAT", "status"].map(columnOf)).toEqual([
      "swedish_party",
      "swedish_party",
      "designation",
      "established",
      null,
    ]);
    expect(["twin_city", "Vänort", "kommunalt partnerskap", "Partnership", "vänskap"].map(parseKind)).toEqual([
      "twin_city",
      "twin_city",
      "partnership",
      "partnership",
      null,
    ]);
  });
});

describeEachDriver("importing agreements from CSV", (db) => {
  let ctx: WriteContext;
  let reviewer: WriteContext;
  const totals = async () => ({
    agreements: (await db().select({ n: count() }).from(agreements))[0]!.n,
    organizations: (await db().select({ n: count() }).from(organizations))[0]!.n,
    revisions: (await db().select({ n: count() }).from(revisions))[0]!.n,
  });

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const demo = await db().select().from(users).where(eq(users.isDemo, true));
    const analyst = demo.find((u) => u.roles.includes("analyst"))!;
    const granskare = demo.find((u) => u.roles.includes("reviewer"))!;
    ctx = { db: db(), user: { id: analyst.id, roles: analyst.roles, organizationId: null } };
    reviewer = { db: db(), user: { id: granskare.id, roles: granskare.roles, organizationId: null } };
  });

  it("previews every row: what is created, what is skipped and why, without writing", async () => {
    const before = await totals();
    const plan = await planImport(db(), GOOD);
    expect(plan.rows.map((r) => [r.row, r.action, r.skip?.reason ?? null])).toEqual([
      [2, "create", null],
      [3, "create", null],
      [4, "skip", "exists"],
      [5, "skip", "duplicateInFile"],
      [6, "create", null],
    ]);
    expect(plan.counts).toEqual({ create: 3, skip: 2, error: 0 });
    expect(plan.newForeign.map((n) => [n.org.name, n.org.nameNative, n.rows])).toEqual([["Xiaogan", "孝感市", [2, 3, 5]]]);
    expect(plan.rows[3]!.skip).toEqual({ reason: "duplicateInFile", row: 2 });
    expect(await totals()).toEqual(before);
  });

  it("shows every error of every row", async () => {
    const plan = await planImport(
      db(),
      csv(`
swedish_party,swedish_party_code,foreign_party,foreign_party_province,kind,established
Atlantis,,Wuhan,,twin_city,2019
,12,Wuhan,,twin_city,2019
Kiruna,,,,twin_city,2019
Kiruna,,Wuhan,,vänskap,våren 2019
Kiruna,,Ezhou,Narnia,other,2019-02-30
`),
    );
    expect(plan.counts).toEqual({ create: 0, skip: 0, error: 5 });
    expect(plan.rows.map((r) => r.issues.map((i) => `${i.column}:${i.code}`))).toEqual([
      ["swedish_party:swedishNotFound"],
      ["swedish_party_code:swedishAmbiguous"],
      ["foreign_party:required"],
      ["kind:kindInvalid", "established:date"],
      ["foreign_party_province:provinceNotFound", "established:dateNoSuchDate"],
    ]);
  });

  it("writes nothing when one row is bad, and says which", async () => {
    const before = await totals();
    const bad = [...GOOD, { swedish_party: "Kiruna", foreign_party: "Wuhan", kind: "other", established: "2019-13" }];
    const outcome = await runImport({ ctx, rows: bad });
    expect(outcome).toMatchObject({ ok: false, error: "invalid", message: "registry.import.hasErrors" });
    if (outcome.ok || outcome.error !== "invalid" || !("plan" in outcome)) throw new Error("expected a plan");
    expect(outcome.plan.rows.filter((r) => r.action === "error").map((r) => r.row)).toEqual([7]);
    expect(await totals()).toEqual(before);
    expect(await db().select().from(organizations).where(eq(organizations.name, "Xiaogan"))).toEqual([]);
  });

  it("refuses a user who may not import", async () => {
    expect(await runImport({ ctx: reviewer, rows: GOOD })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("imports a good file in one go, with a revision for each agreement and the new foreign party", async () => {
    const before = await totals();
    const progress: number[] = [];
    const outcome = await runImport({ ctx, rows: GOOD, fileName: "nya.csv", onProgress: (done) => void progress.push(done) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.created.map((c) => [c.row, c.swedishName, c.foreignName])).toEqual([
      [2, "Kiruna", "Xiaogan"],
      [3, "Kiruna", "Xiaogan"],
      [6, "Gällivare", "Wuhan"],
    ]);
    expect(outcome.skipped.map((s) => [s.row, s.skip.reason])).toEqual([
      [4, "exists"],
      [5, "duplicateInFile"],
    ]);
    expect(outcome.foreignCreated.map((f) => f.name)).toEqual(["Xiaogan"]);
    expect(progress.at(-1)).toBe(3);
    expect(await totals()).toEqual({
      agreements: before.agreements + 3,
      organizations: before.organizations + 1,
      revisions: before.revisions + 4,
    });
    const [first] = await db().select().from(agreements).where(eq(agreements.id, outcome.created[0]!.id));
    expect(first).toMatchObject({ establishedOn: "2019-05-01", establishedPrecision: "month", areas: ["utbildning", "kultur"], kind: "twin_city" });
    const importRevisions = await db().select().from(revisions).where(like(revisions.reason, "Import (nya.csv)%"));
    expect(importRevisions.map((r) => r.reason).sort()).toEqual(["Import (nya.csv), row 2", "Import (nya.csv), row 3", "Import (nya.csv), row 6"]);

    // The same file again: everything already exists.
    const again = await runImport({ ctx, rows: GOOD });
    expect(again).toMatchObject({ ok: true, created: [] });
  });

  it("reads back its own export: every row is found and skipped as existing", async () => {
    const rows = await queryAllAgreements(db(), DEFAULT_QUERY);
    const text = agreementsToCsv(rows).replace(/^\uFEFF/, "");
    const plan = await planImport(db(), csv(text));
    expect(plan.counts).toEqual({ create: 0, skip: rows.length, error: 0 });
    expect(plan.rows.map((r) => (r.skip?.reason === "exists" ? r.skip.agreementId : null))).toEqual(rows.map((r) => r.id));
  });
});
