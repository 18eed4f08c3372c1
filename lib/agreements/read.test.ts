import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { agreements, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import { getOrganization } from "../organizations/get";
import { listForeignOrganizations, listOrganizationsWithAgreements, listSwedishOrganizations } from "../organizations/list";
import { agreementRevisions } from "./history";
import { relatedAgreements } from "./related";
import { updateAgreement } from "./update";

const agreementId = (key: string) => seedId("agreement", key);

describeEachDriver("reading agreements and organisations", (db) => {
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  it("offers all 332 Swedish parties and every foreign party to the pickers", async () => {
    const swedish = await listSwedishOrganizations(db());
    expect(swedish).toHaveLength(332);
    expect(swedish.find((o) => o.name === "Malmö")).toMatchObject({ kind: "kommun", code: "1280", countyName: "Skåne län" });
    const foreign = await listForeignOrganizations(db());
    expect(foreign.find((o) => o.name === "Wuhan")).toMatchObject({ nameNative: "武汉市", level: "prefecture_city", parentName: "Hubei" });
  });

  it("finds an agreement's neighbours on either side", async () => {
    const [umeaXian] = await db().select().from(agreements).where(eq(agreements.id, agreementId("umea-xian-partnership")));
    const related = await relatedAgreements(db(), umeaXian!);
    expect(related.sameSwedish.map((r) => r.foreignName)).toEqual(["Lanzhou", "Qufu"]);
    expect(related.sameForeign.map((r) => `${r.swedishName} ${r.kind}`)).toEqual(["Luleå partnership"]);
  });

  it("lists a Swedish party's agreements with their status over time, and a province's with its cities'", async () => {
    const borlange = await getOrganization(db(), seedId("swedish-org", "kommun:2081"));
    expect(borlange!.agreements.map((a) => [a.counterpart.name, a.kind, a.state])).toEqual([
      ["Wuhan", "partnership", "ended"],
      ["Wuhan", "twin_city", "ended"],
    ]);
    expect(borlange!.agreements[1]!.events.map((e) => e.status)).toEqual(["active", "terminated"]);

    const hubei = await getOrganization(db(), seedId("foreign-org", "cn-hubei"));
    const direct = hubei!.agreements.filter((a) => !a.via).map((a) => a.counterpart.name);
    const below = hubei!.agreements.filter((a) => a.via).map((a) => `${a.via!.name}: ${a.counterpart.name}`);
    expect(direct).toEqual(["Region Dalarna", "Region Dalarna"]);
    expect(below).toEqual(["Wuhan: Borlänge", "Wuhan: Borlänge", "Yichang: Svenljunga"]);
    expect(hubei!.children.map((c) => c.name)).toEqual(["Wuhan", "Yichang"]);
    expect(await getOrganization(db(), seedId("foreign-org", "nowhere"))).toBeNull();

    const withAgreements = await listOrganizationsWithAgreements(db());
    expect(withAgreements.find((o) => o.name === "Umeå")?.agreements).toBe(3);
  });

  it("shows each revision field by field, parties by name, newest first", async () => {
    const id = agreementId("falun-nanjing-twin");
    const [row] = await db().select().from(agreements).where(eq(agreements.id, id));
    const [analyst] = await db().select().from(users).where(eq(users.email, "analytiker@demo.avtalsregistret.se"));
    const result = await updateAgreement({
      ctx: { db: db(), user: { id: analyst!.id, roles: analyst!.roles, organizationId: null } },
      input: {
        id,
        baseVersion: row!.version,
        reason: "Rättelse",
        swedishOrgId: row!.swedishOrgId,
        foreign: { mode: "existing", id: seedId("foreign-org", "cn-wuhan") },
        kind: row!.kind,
        designation: "Vänortsavtal",
        established: "1994-06",
        funding: "",
        areas: "",
        notes: row!.notes ?? "",
      },
    });
    expect(result.ok).toBe(true);
    const [latest, created] = await agreementRevisions(db(), id);
    expect(latest).toMatchObject({ action: "agreement.update", actorName: "Demo Analytiker", reason: "Rättelse" });
    expect(latest!.changes).toEqual([
      { field: "foreignOrgId", before: "Nanjing", after: "Wuhan" },
      { field: "designation", before: null, after: "Vänortsavtal" },
      { field: "established", before: row!.establishedOn!.slice(0, 4), after: "1994-06" },
    ]);
    expect(created).toMatchObject({ action: "agreement.create", actorName: "NKK dataset (import)" });
    expect(created!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["swedishOrgId", "foreignOrgId", "kind", "established"]));
  });
});
