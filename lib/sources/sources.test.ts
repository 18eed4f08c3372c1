import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { eventSources, revisions, sources } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import { correctEvent } from "../events/correct";
import { actingAs, agreementWithHistory, ANALYST, eventInput, protocolSource, REVIEWER, tempStorage } from "../events/test-support";
import { sourceInputSchema } from "../validation/sources";
import { createSource } from "./create";
import { normalizeUrl } from "./duplicates";
import { sourceToInput } from "./fields";
import { getSource } from "./get";
import { searchSources } from "./search";
import { updateSource } from "./update";

const web = (url: string) => ({ kind: "web_page", citation: "", title: "En sida", url, retrievedOn: "" });

describe("the source schema", () => {
  it("requires each kind's own fields", () => {
    const errors = (input: Record<string, unknown>) => {
      const r = sourceInputSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(errors(protocolSource({ body: " " }))).toEqual(["body:sources.errors.bodyRequired"]);
    expect(errors({ kind: "email", citation: "", title: "", url: "", retrievedOn: "", correspondent: "", date: { precision: "unknown", value: "" } })).toEqual([
      "correspondent:sources.errors.correspondentRequired",
      "date.precision:evidence.date.required",
    ]);
    expect(errors({ kind: "interview", citation: "", title: "", url: "", retrievedOn: "", interviewNumber: "x", interviewer: "NKK", date: { precision: "year", value: "2021" } })).toEqual([
      "interviewNumber:sources.errors.interviewNumber",
    ]);
    expect(errors({ kind: "article", citation: "", title: "", url: "ftp://x.se", retrievedOn: "", outlet: "", author: "", publishedOn: "" })).toEqual([
      "title:sources.errors.titleRequired",
      "url:sources.errors.url",
      "outlet:sources.errors.outletRequired",
    ]);
    expect(errors(web(""))).toEqual(["url:sources.errors.urlRequired"]);
    expect(errors({ ...protocolSource(), retrievedOn: "2022-01-01" })).toEqual(["retrievedOn:sources.errors.retrievedNeedsUrl"]);
    expect(errors({ kind: "podcast" })).toEqual(["kind:sources.errors.kindRequired"]);
  });

  it("treats the same page under another scheme, www, fragment or trailing slash as the same URL", () => {
    const a = normalizeUrl("https://www.Example.se/Vanort/?b=2&a=1#x");
    expect(normalizeUrl("http://example.se/Vanort?a=1&b=2")).toBe(a);
    expect(normalizeUrl("https://example.se/vanort")).not.toBe(a);
    expect(normalizeUrl("mailto:x@y.se")).toBeNull();
  });
});

describeEachDriver("sources", (db) => {
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  it("creates a source with a composed reference and a revision", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const result = await createSource({ ctx, input: { source: protocolSource({ body: "Kommunstyrelsen, Vara kommun", diarienummer: "KS 2020/0042" }) } });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { value: { id: string } }).value.id;
    const [row] = await db().select().from(sources).where(eq(sources.id, id));
    expect(row).toMatchObject({ kind: "protocol", citation: "Kommunstyrelsen, Vara kommun. Protokoll 2020-05-25, §45, dnr KS 2020/0042.", createdBy: ctx.user.id, version: 1 });
    const [rev] = await db().select().from(revisions).where(eq(revisions.entityId, id));
    expect(rev).toMatchObject({ action: "source.create", before: null, actorId: ctx.user.id });
  });

  it("warns about the same URL or the same body and diarienummer, and creates on the user's word", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const mora = seedId("source", "fn31-mora-2020-09-14");
    const [moraRow] = await db().select().from(sources).where(eq(sources.id, mora));
    const byDnr = await createSource({
      ctx,
      input: { source: protocolSource({ body: moraRow!.body!.toUpperCase(), diarienummer: moraRow!.diarienummer!.replace(" ", "  ") }) },
    });
    expect(byDnr).toMatchObject({ ok: false, message: "sources.duplicate.found", duplicates: [{ id: mora, match: "body_diarienummer" }] });
    const byUrl = await createSource({ ctx, input: { source: web("http://www.icld.se/vart-arbete/kommunala-partnerskap") } });
    expect(byUrl).toMatchObject({ ok: false, duplicates: [{ id: seedId("source", "fn8-icld-kommunala-partnerskap"), match: "url" }] });
    expect(await createSource({ ctx, input: { source: web("http://www.icld.se/vart-arbete/kommunala-partnerskap"), allowDuplicate: true } })).toMatchObject({ ok: true });
    expect(await createSource({ ctx, input: { source: protocolSource({ body: moraRow!.body, diarienummer: "KS 1999/1" }) } })).toMatchObject({ ok: true });
  });

  it("edits a source as a revision with before and after, and refuses a stale edit", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const created = await createSource({ ctx, input: { source: web("https://lidkoping.se/vanorter") } });
    const id = (created as { value: { id: string } }).value.id;
    const [row] = await db().select().from(sources).where(eq(sources.id, id));
    const input = { ...sourceToInput(row!), title: "Vänorter", citation: "" };
    const edit = await updateSource({ ctx, input: { id, version: 1, source: input, reason: "Rubriken" } });
    expect(edit).toEqual({ ok: true, value: { id, version: 2 } });
    const [rev] = await db().select().from(revisions).where(sql`${revisions.entityId} = ${id} AND ${revisions.action} = 'source.update'`);
    expect(rev).toMatchObject({ reason: "Rubriken", changedFields: ["citation", "title"], before: { title: "En sida" }, after: { title: "Vänorter" } });
    const stale = await updateSource({ ctx, input: { id, version: 1, source: { ...input, title: "Annat" }, reason: "" } });
    expect(stale).toEqual({ ok: false, message: "sources.errors.stale", currentVersion: 2 });
    const unchanged = await updateSource({ ctx, input: { id, version: 2, source: { ...input, citation: "Vänorter. https://lidkoping.se/vanorter" }, reason: "" } });
    expect(unchanged).toEqual({ ok: false, message: "sources.errors.unchanged" });
    expect(await updateSource({ ctx: await actingAs(db(), REVIEWER), input: { id, version: 2, source: input, reason: "" } })).toEqual({
      ok: false,
      message: "evidence.form.forbidden",
    });
  });

  it("finds sources by any field, and shows where a source is used", async () => {
    const found = await searchSources(db(), { q: "KS 2020/00265" });
    expect(found.rows.map((r) => r.id)).toEqual([seedId("source", "fn31-mora-2020-09-14")]);
    expect(found.rows[0]).toMatchObject({ kind: "protocol", agreementCount: 1, eventCount: 1 });
    const byKind = await searchSources(db(), { q: "fullmäktige", kind: "protocol", limit: 500 });
    expect(byKind.rows.every((r) => r.kind === "protocol")).toBe(true);
    expect(byKind.total).toBe(byKind.rows.length);
    expect((await searchSources(db(), { q: "50% _ \\" })).rows).toEqual([]);

    const report = await getSource(db(), seedId("source", "report"));
    expect(report!.eventUses.length).toBeGreaterThan(50);
    expect(report!.claimUses.map((c) => c.value)).toContain("2009");
    expect(report!.revisions[0]).toMatchObject({ action: "source.create" });
  });

  it("counts a source's uses without superseded events: the corrected event's use counts, the superseded one's does not", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const store = tempStorage();
    const { agreementId, eventIds } = await agreementWithHistory(db(), [["active", "2010"], ["dormant", "2015"]]);
    const make = async (body: string) => {
      const r = await createSource({ ctx, input: { source: protocolSource({ body, diarienummer: `KS ${body.length}/${Date.now()}` }) } });
      return (r as { value: { id: string } }).value.id;
    };
    const kept = await make("Kommunstyrelsen, Användningskommun");
    const dropped = await make("Kommunfullmäktige, Rättelsekommun");
    await db().insert(eventSources).values([
      { eventId: eventIds[1]!, sourceId: kept },
      { eventId: eventIds[1]!, sourceId: dropped },
    ]);
    const counts = async (id: string) => {
      const rows = (await searchSources(db(), { q: id === kept ? "Användningskommun" : "Rättelsekommun" })).rows;
      const detail = await getSource(db(), id);
      return { list: rows.map((r) => [r.agreementCount, r.eventCount]), page: detail!.useCounts };
    };
    expect(await counts(kept)).toEqual({ list: [[1, 1]], page: { agreements: 1, events: 1 } });
    expect(await counts(dropped)).toEqual({ list: [[1, 1]], page: { agreements: 1, events: 1 } });

    // The dormant event is corrected to a pause, citing only the first source again.
    const corrected = await correctEvent({
      ctx,
      input: {
        ...eventInput(agreementId),
        status: "paused",
        effective: { precision: "year", value: "2015" },
        supersedesId: eventIds[1]!,
        correctionReason: "Beslutet gällde en paus.",
        sources: [{ mode: "existing", sourceId: kept, quote: "", page: "" }],
      },
      storage: store.storage,
    });
    expect(corrected).toMatchObject({ ok: true });
    // One use each way: the correction's, not the superseded event's.
    expect(await counts(kept)).toEqual({ list: [[1, 1]], page: { agreements: 1, events: 1 } });
    expect(await counts(dropped)).toEqual({ list: [[0, 0]], page: { agreements: 0, events: 0 } });
    const detail = await getSource(db(), dropped);
    expect(detail!.eventUses.map((u) => [u.eventId, u.superseded])).toEqual([[eventIds[1], true]]);
    store.cleanup();
  });
});
