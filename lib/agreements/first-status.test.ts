import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { agreements, eventSources, proposals, revisions, sourceAttachments, sources, statusEvents } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import { samplePdf } from "../attachments/sample-pdf";
import { databaseFingerprint } from "../auth/matrix/fixture";
import type { ActionContext } from "../auth/guard";
import { inForcePerYear } from "../dashboard/in-force";
import type { DashboardQuery } from "../dashboard/query";
import { actingAs, ANALYST, protocolSource, REPORT_SOURCE_ID, tempStorage } from "../events/test-support";
import { setSetting } from "../settings";
import { EMPTY_AGREEMENT, EMPTY_FIRST_STATUS, type AgreementCreateInput } from "../validation/agreements";
import { createAgreement } from "./create";

// A new agreement with its first status (issue 13): the agreement, its establishment and the
// establishment's sources in one transaction, through the one agreement write and the one
// event write; nothing at all when any of it is refused.

const BENGTSFORS = seedId("swedish-org", "kommun:1460");
const KIRUNA = seedId("swedish-org", "kommun:2584");
const HUBEI = seedId("foreign-org", "cn-hubei");
const WUHAN = seedId("foreign-org", "cn-wuhan");
const CHANGCHUN = seedId("foreign-org", "cn-changchun");

describeEachDriver("creating an agreement with its first status", (db) => {
  let analyst: ActionContext;
  const store = tempStorage();
  afterAll(() => store.cleanup());

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    analyst = await actingAs(db(), ANALYST);
  });

  // As the form sends it (the write parses it: `unknown`), so that tests may send what the form would refuse.
  const input = (over: Record<string, unknown> = {}): AgreementCreateInput & Record<string, unknown> => ({
    ...EMPTY_AGREEMENT,
    swedishOrgId: KIRUNA,
    foreign: { mode: "existing", id: CHANGCHUN },
    kind: "partnership",
    designation: "Partnerskap för utbildning",
    ...over,
  });
  const newSource = (source: Record<string, unknown>) => ({ mode: "new" as const, source, quote: "", page: "", allowDuplicate: false });
  const inForce = async (year: number) => {
    const q: DashboardQuery = { from: year, to: year, asOf: null, recordedOn: null, filters: { kind: "partnership" } };
    return (await inForcePerYear(db(), q)).filter((r) => r.state === "active").reduce((n, r) => n + r.count, 0);
  };

  it("writes the agreement, its establishment at the date and precision typed, and its sources with their file; it counts in force from that year", async () => {
    const [in2014, in2015] = [await inForce(2014), await inForce(2015)];
    const result = await createAgreement({
      ctx: analyst,
      input: input({
        firstStatus: {
          effective: { precision: "month", value: "2015-09" },
          sources: [newSource(protocolSource({ body: "Kommunfullmäktige, Kiruna kommun", meetingDate: "2015-09-14" })), { mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "", page: "s. 12" }],
        },
      }),
      files: [{ sourceIndex: 0, file: { filename: "kf-2015-09-14.pdf", declaredType: "application/pdf", bytes: samplePdf("KF 2015-09-14 § 88") } }],
      storage: store.storage,
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;

    const [agreement] = await db().select().from(agreements).where(eq(agreements.id, result.id));
    expect(agreement).toMatchObject({ swedishOrgId: KIRUNA, foreignOrgId: CHANGCHUN, kind: "partnership", version: 1 });
    const events = await db().select().from(statusEvents).where(eq(statusEvents.agreementId, result.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: result.eventId, status: "active", effectiveOn: "2015-09-01", effectivePrecision: "month", recordedBy: analyst.user.id, supersedesId: null });

    const links = await db().select().from(eventSources).where(eq(eventSources.eventId, events[0]!.id));
    expect(links).toHaveLength(2);
    const created = links.find((l) => l.sourceId !== REPORT_SOURCE_ID)!;
    expect(links.find((l) => l.sourceId === REPORT_SOURCE_ID)).toMatchObject({ page: "s. 12" });
    const [source] = await db().select().from(sources).where(eq(sources.id, created.sourceId));
    expect(source).toMatchObject({ kind: "protocol", body: "Kommunfullmäktige, Kiruna kommun" });
    expect(await db().select().from(sourceAttachments).where(eq(sourceAttachments.sourceId, source!.id))).toEqual([expect.objectContaining({ filename: "kf-2015-09-14.pdf" })]);
    // Each write with its revision: the agreement's and the new source's.
    expect((await db().select().from(revisions).where(eq(revisions.entityId, result.id))).map((r) => r.action)).toEqual(["agreement.create"]);
    expect((await db().select().from(revisions).where(eq(revisions.entityId, source!.id))).map((r) => r.action)).toContain("source.create");

    // "Agreements in force per year": from 2015 on, not before.
    expect(await inForce(2015)).toBe(in2015 + 1);
    expect(await inForce(2014)).toBe(in2014);
  });

  it("saves the agreement without a status, as incomplete, when the section is left empty", async () => {
    const result = await createAgreement({ ctx: analyst, input: input({ foreign: { mode: "existing", id: WUHAN }, firstStatus: EMPTY_FIRST_STATUS }) });
    expect(result).toMatchObject({ ok: true, eventId: null });
    if (!result.ok) return;
    expect(await db().select().from(statusEvents).where(eq(statusEvents.agreementId, result.id))).toEqual([]);
  });

  describe("a half-filled first status is refused field by field, and nothing at all is written", () => {
    const newParty = { mode: "new" as const, org: { name: "Xianning", nameNative: "咸宁市", level: "prefecture_city" as const, parentId: HUBEI, countryCode: "CN" } };
    const cases: [string, Record<string, unknown>, Record<string, string[]>][] = [
      ["a date without a source", { firstStatus: { effective: { precision: "year", value: "2016" }, sources: [] } }, { "firstStatus.sources": ["registry.errors.firstStatusSourceRequired"] }],
      [
        "a day that does not exist",
        { firstStatus: { effective: { precision: "day", value: "2019-02-30" }, sources: [{ mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "", page: "" }] } },
        { "firstStatus.effective.value": ["evidence.date.noSuchDate"] },
      ],
      [
        "a source without its required fields, and a date without its value",
        { firstStatus: { effective: { precision: "month", value: "" }, sources: [newSource({ ...protocolSource(), kind: "email", correspondent: "", date: { precision: "day", value: "" } })] } },
        {
          "firstStatus.effective.value": ["evidence.date.valueMissing"],
          "firstStatus.sources.0.source.correspondent": ["sources.errors.correspondentRequired"],
          "firstStatus.sources.0.source.date.value": ["evidence.date.valueMissing"],
        },
      ],
      [
        // Refused inside the transaction, after the party and the agreement were written: rolled back.
        "an existing source that does not exist, with a new foreign party and a new source with a file",
        {
          foreign: newParty,
          firstStatus: {
            effective: { precision: "year", value: "2016" },
            sources: [newSource(protocolSource()), { mode: "existing", sourceId: seedId("source", "no-such-source"), quote: "", page: "" }],
          },
        },
        { "firstStatus.sources.1.sourceId": ["evidence.errors.sourceMissing"] },
      ],
    ];
    for (const [name, over, fieldErrors] of cases) {
      it(name, async () => {
        const before = await databaseFingerprint(db());
        const filesBefore = store.files();
        const result = await createAgreement({
          ctx: analyst,
          input: input({ swedishOrgId: BENGTSFORS, ...over }),
          files: [{ sourceIndex: 0, file: { filename: "protokoll.pdf", declaredType: "application/pdf", bytes: samplePdf(name) } }],
          storage: store.storage,
        });
        expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors });
        expect(await databaseFingerprint(db())).toBe(before);
        expect(store.files()).toEqual(filesBefore);
      });
    }
  });

  it("is direct under the policy that analysts' edits need review: a new agreement has nothing to propose a change to", async () => {
    const adminId = (await actingAs(db(), "admin@demo.avtalsregistret.se")).user.id;
    await setSetting(db(), adminId, "analystEditsRequireReview", true);
    try {
      const openBefore = (await db().select({ n: count() }).from(proposals))[0]!.n;
      const result = await createAgreement({
        ctx: analyst,
        input: input({ swedishOrgId: BENGTSFORS, foreign: { mode: "existing", id: WUHAN }, firstStatus: { effective: { precision: "unknown", value: "" }, sources: [{ mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "", page: "" }] } }),
      });
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(await db().select({ status: statusEvents.status, precision: statusEvents.effectivePrecision }).from(statusEvents).where(eq(statusEvents.agreementId, result.id))).toEqual([
        { status: "active", precision: "unknown" },
      ]);
      expect((await db().select({ n: count() }).from(proposals))[0]!.n).toBe(openBefore);
    } finally {
      await setSetting(db(), adminId, "analystEditsRequireReview", false);
    }
  });
});
