import { count, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { claimPreferences, fieldClaims } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { databaseError, describeEachDriver } from "@/db/testing";
import { actingAs, ANALYST, REPORT_SOURCE_ID, REVIEWER } from "../events/test-support";
import { createClaim } from "./create";
import { getClaims } from "./list";
import { preferClaim } from "./prefer";

describeEachDriver("conflicting evidence", (db) => {
  const borlange = seedId("agreement", "borlange-wuhan-partnership");
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  it("seeds the report's contradiction about Borlänge's partnership: text 2009, appendix 2007, appendix preferred", async () => {
    const [established] = await getClaims(db(), borlange);
    expect(established).toMatchObject({ field: "established", values: ["2007", "2009"], conflict: true, recordValue: "2007" });
    expect(established!.claims.map((c) => [c.value, c.page])).toEqual([
      ["2007", "Appendix"],
      ["2009", "Den gyllene eran för subnationellt samarbete mellan Sverige och Kina"],
    ]);
    expect(established!.claims[1]!.quote).toMatch(/startade 2009/);
    expect(established!.preferred).toMatchObject({ value: "2007", decidedByName: "NKK dataset (import)" });
    const kalix = await getClaims(db(), seedId("agreement", "kalix-lanzhou-partnership"));
    expect(kalix[0]).toMatchObject({ values: ["2008", "2009"], conflict: true });
  });

  it("seeds the claims once: a second seeding adds neither claims nor preferences", async () => {
    const before = await Promise.all([fieldClaims, claimPreferences].map((t) => db().select({ n: count() }).from(t)));
    await seedDatabase(db(), { demoUsers: true });
    expect(await Promise.all([fieldClaims, claimPreferences].map((t) => db().select({ n: count() }).from(t)))).toEqual(before);
  });

  it("lets an analyst prefer the other claim with a reason; the latest choice stands and the earlier one is kept", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const text2009 = seedId("claim", "borlange-wuhan-partnership/established/text-2009");
    expect(await preferClaim({ ctx, input: { claimId: text2009, reason: " " } })).toMatchObject({ ok: false, fieldErrors: { reason: ["claims.errors.reasonRequired"] } });
    expect(await preferClaim({ ctx: await actingAs(db(), REVIEWER), input: { claimId: text2009, reason: "x" } })).toEqual({ ok: false, message: "evidence.form.forbidden" });
    expect(await preferClaim({ ctx, input: { claimId: text2009, reason: "Texten bygger på intervjun" } })).toMatchObject({ ok: true });
    const [established] = await getClaims(db(), borlange);
    expect(established!.preferred).toMatchObject({ value: "2009", reason: "Texten bygger på intervjun", decidedByName: "Demo Analytiker" });
    expect(established!.earlierPreferences).toMatchObject([{ value: "2007" }]);
    // The register's own value is not changed by a preference.
    expect(established!.recordValue).toBe("2007");
  });

  it("records a new claim from a source, normalising a date, and refuses the same claim twice", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const mora = seedId("agreement", "mora-changchun-twin");
    const input = { agreementId: mora, field: "established", value: "2007-01", sourceId: REPORT_SOURCE_ID, quote: "", page: "Appendix" };
    expect(await createClaim({ ctx, input: { ...input, value: "sommaren 2007" } })).toMatchObject({ ok: false, fieldErrors: { value: ["claims.errors.dateValue"] } });
    expect(await createClaim({ ctx, input })).toMatchObject({ ok: true });
    expect(await createClaim({ ctx, input })).toEqual({ ok: false, message: "claims.errors.duplicate" });
    const [claims] = await getClaims(db(), mora);
    expect(claims).toMatchObject({ field: "established", values: ["2007-01"], conflict: false });
  });

  it("keeps claims and preferences append-only", async () => {
    expect(await databaseError(db().execute(sql`UPDATE field_claims SET value = '1999'`))).toMatch(/append-only/);
    expect(await databaseError(db().execute(sql`DELETE FROM claim_preferences`))).toMatch(/append-only/);
  });
});
