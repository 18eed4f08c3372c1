import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { attachments, eventSources, revisions, sourceAttachments, sources, statusEvents } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { databaseError, describeEachDriver } from "@/db/testing";
import { samplePdf } from "../attachments/sample-pdf";
import { EVENT_STATUSES, type EventStatus } from "../domain/enums";
import { addEventSources } from "./add-sources";
import { getEventHistory } from "./history";
import { logStatusChange } from "./log-status-change";
import { actingAs, agreementWithHistory, ANALYST, eventInput, OFFICIAL, protocolSource, REPORT_SOURCE_ID, REVIEWER, tempStorage } from "./test-support";
import { FROM_STATES, TRANSITIONS, type FromState } from "./transitions";

/** A history (status, date) that leaves an agreement in each state. */
const HISTORIES: Record<FromState, [EventStatus, string | null][]> = {
  none: [],
  active: [["active", "2010"]],
  dormant: [["active", "2010"], ["dormant", "2014"]],
  paused: [["active", "2010"], ["paused", "2014"]],
  partially_terminated: [["active", "2010"], ["partially_terminated", "2014"]],
  ended: [["active", "2010"], ["terminated", "2014"]],
};

describeEachDriver("logging a status change", (db) => {
  const store = tempStorage();
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });
  afterAll(() => store.cleanup());

  describe("every allowed and refused transition", () => {
    for (const from of FROM_STATES) {
      for (const status of EVENT_STATUSES) {
        const verdict = TRANSITIONS[from][status];
        it(`${verdict === "ok" ? "records" : "refuses"} ${status} after ${from}`, async () => {
          const ctx = await actingAs(db(), ANALYST);
          const { agreementId } = await agreementWithHistory(db(), HISTORIES[from]);
          const result = await logStatusChange({ ctx, input: eventInput(agreementId, { status, effective: { precision: "day", value: "2021-03-15" } }), storage: store.storage });
          const [{ n }] = (await db().select({ n: count() }).from(statusEvents).where(eq(statusEvents.agreementId, agreementId))) as [{ n: number }];
          if (verdict === "ok") {
            expect(result).toMatchObject({ ok: true });
            expect(n).toBe(HISTORIES[from].length + 1);
          } else {
            const code = verdict === "not_paused" ? "never_paused" : verdict;
            expect(result).toMatchObject({ ok: false, message: "evidence.refusal.title", refusal: { code, status } });
            expect(n).toBe(HISTORIES[from].length);
          }
        });
      }
    }
  });

  it("judges a back-dated event by the state at its date", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId, eventIds } = await agreementWithHistory(db(), [["active", "2010"], ["paused", "2018"], ["resumed", "2020"]]);
    const ok = await logStatusChange({ ctx, input: eventInput(agreementId, { status: "dormant", effective: { precision: "year", value: "2015" } }), storage: store.storage });
    expect(ok).toMatchObject({ ok: true });
    const refused = await logStatusChange({ ctx, input: eventInput(agreementId, { status: "terminated", effective: { precision: "month", value: "2016-05" } }), storage: store.storage });
    expect(refused).toMatchObject({ ok: false, refusal: { code: "ended_is_final", status: "paused", later: { id: eventIds[1] } } });
  });

  it("refuses a date in the future, a date more precise than its precision, and a missing source", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), [["active", "2010"]]);
    const future = await logStatusChange({ ctx, input: eventInput(agreementId, { effective: { precision: "year", value: "2999" } }), storage: store.storage });
    expect(future).toMatchObject({ ok: false, fieldErrors: { "effective.value": ["evidence.date.future"] } });
    const wrongFormat = await logStatusChange({ ctx, input: eventInput(agreementId, { effective: { precision: "year", value: "2020-05" } }), storage: store.storage });
    expect(wrongFormat).toMatchObject({ ok: false, fieldErrors: { "effective.value": ["evidence.date.format.year"] } });
    const noSource = await logStatusChange({ ctx, input: eventInput(agreementId, { sources: [] }), storage: store.storage });
    expect(noSource).toMatchObject({ ok: false, fieldErrors: { sources: ["evidence.errors.sourceRequired"] } });
    const otherWithoutText = await logStatusChange({ ctx, input: eventInput(agreementId, { reasons: ["other"] }), storage: store.storage });
    expect(otherWithoutText).toMatchObject({ ok: false, fieldErrors: { reasonOther: ["evidence.errors.reasonOtherRequired"] } });
  });

  it("is refused to a reviewer and a municipal official, and writes nothing", async () => {
    const { agreementId } = await agreementWithHistory(db(), [["active", "2010"]]);
    for (const email of [REVIEWER, OFFICIAL]) {
      const result = await logStatusChange({ ctx: await actingAs(db(), email), input: eventInput(agreementId), storage: store.storage });
      expect(result).toEqual({ ok: false, message: "evidence.form.forbidden" });
    }
    expect((await getEventHistory(db(), agreementId)).entries).toHaveLength(1);
  });

  it("saves a draft without a source as unconfirmed, and confirms it when a source is added", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), [["active", "2010"]]);
    const draft = await logStatusChange({ ctx, input: eventInput(agreementId, { status: "dormant", sources: [], saveAsDraft: true }), storage: store.storage });
    expect(draft).toMatchObject({ ok: true });
    const eventId = (draft as { value: { eventId: string } }).value.eventId;
    expect((await getEventHistory(db(), agreementId)).entries[0]).toMatchObject({ id: eventId, confirmed: false, sources: [] });

    const added = await addEventSources({
      ctx,
      input: { eventId, sources: [{ mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "Vilande", page: "Appendix" }] },
      storage: store.storage,
    });
    expect(added).toMatchObject({ ok: true });
    const after = (await getEventHistory(db(), agreementId)).entries[0]!;
    expect(after).toMatchObject({ id: eventId, confirmed: true, sources: [{ quote: "Vilande", page: "Appendix" }] });

    const again = await addEventSources({ ctx, input: { eventId, sources: [{ mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "", page: "" }] }, storage: store.storage });
    expect(again).toMatchObject({ ok: false, fieldErrors: { "sources.0.sourceId": ["evidence.errors.sourceAlreadyCited"] } });
    // The evidence links are history too: the database refuses to change or remove them.
    expect(await databaseError(db().delete(eventSources).where(eq(eventSources.eventId, eventId)))).toMatch(/append-only/);
    expect(await databaseError(db().update(eventSources).set({ quote: "x" }).where(eq(eventSources.eventId, eventId)))).toMatch(/append-only/);
  });

  it("records a termination with a new protocol source and its PDF, with revisions for the source", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), [["active", "2011"]]);
    const pdf = samplePdf("Protokoll: avtalet avslutas");
    const protocol = protocolSource({ diarienummer: "KS 2020/777" });
    const result = await logStatusChange({
      ctx,
      input: eventInput(agreementId, {
        effective: { precision: "day", value: "2020-05-25" },
        decidedBy: "Kommunfullmäktige",
        reasons: ["human_rights", "other"],
        reasonOther: "Kostnader",
        sources: [{ mode: "new", source: protocol, quote: "Avtalet avslutas.", page: "3", allowDuplicate: false }],
      }),
      files: [{ sourceIndex: 0, file: { filename: "protokoll.pdf", declaredType: "application/pdf", bytes: pdf } }],
      storage: store.storage,
    });
    expect(result).toMatchObject({ ok: true });
    const history = await getEventHistory(db(), agreementId);
    const event = history.entries[0]!;
    expect(event).toMatchObject({
      status: "terminated",
      effectiveOn: "2020-05-25",
      effectivePrecision: "day",
      decidedBy: "Kommunfullmäktige",
      reasons: ["human_rights", "other"],
      reasonOther: "Kostnader",
      confirmed: true,
    });
    const use = event.sources[0]!;
    expect(use.source).toMatchObject({ kind: "protocol", body: "Kommunfullmäktige, Testkommun", paragraph: "§45", diarienummer: "KS 2020/777" });
    expect(use.source.citation).toBe("Kommunfullmäktige, Testkommun. Protokoll 2020-05-25, §45, dnr KS 2020/777.");
    expect(use.attachments).toMatchObject([{ filename: "protokoll.pdf", mediaType: "application/pdf", sizeBytes: pdf.length }]);
    const actions = (await db().select({ action: revisions.action }).from(revisions).where(eq(revisions.entityId, use.source.id))).map((r) => r.action).sort();
    expect(actions).toEqual(["source.attach", "source.create"]);
    const [stored] = await db().select().from(attachments).where(eq(attachments.id, use.attachments[0]!.id));
    expect(Buffer.from((await store.storage.get(stored!.storageKey))!)).toEqual(Buffer.from(pdf));
  });

  it("warns about a probable duplicate source and writes nothing until the user decides", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), [["active", "2011"]]);
    const [seeded] = await queryRows<{ id: string; url: string }>(db(), sql`SELECT id, url FROM sources WHERE kind = 'web_page' AND url LIKE 'https://icld.se/%'`);
    const web = { kind: "web_page", citation: "", title: "ICLD", url: seeded!.url.replace("https://", "http://www.") + "#top", retrievedOn: "" };
    const sourcesBefore = await db().select({ n: count() }).from(sources);
    const filesBefore = store.files().length;
    const input = eventInput(agreementId, { sources: [{ mode: "new", source: web, quote: "", page: "", allowDuplicate: false }] });
    const warned = await logStatusChange({
      ctx,
      input,
      files: [{ sourceIndex: 0, file: { filename: "skärmbild.pdf", declaredType: "application/pdf", bytes: samplePdf("dup") } }],
      storage: store.storage,
    });
    expect(warned).toMatchObject({ ok: false, message: "sources.duplicate.found", duplicates: [{ sourceIndex: 0, sources: [{ id: seeded!.id, match: "url" }] }] });
    expect(await db().select({ n: count() }).from(sources)).toEqual(sourcesBefore);
    expect(store.files()).toHaveLength(filesBefore);
    expect((await getEventHistory(db(), agreementId)).entries).toHaveLength(1);

    const reuse = await logStatusChange({ ctx, input: eventInput(agreementId, { sources: [{ mode: "existing", sourceId: seeded!.id, quote: "", page: "" }] }), storage: store.storage });
    expect(reuse).toMatchObject({ ok: true });
  });

  it("refuses a bad file with the reason and writes nothing, not even the event", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), [["active", "2011"]]);
    const filesBefore = store.files().length;
    const [{ n: attachmentsBefore }] = (await db().select({ n: count() }).from(attachments)) as [{ n: number }];
    const result = await logStatusChange({
      ctx,
      input: eventInput(agreementId),
      files: [
        { sourceIndex: 0, file: { filename: "ok.pdf", declaredType: "application/pdf", bytes: samplePdf("ok") } },
        { sourceIndex: 0, file: { filename: "virus.pdf", declaredType: "application/pdf", bytes: new TextEncoder().encode("MZ not a pdf") } },
      ],
      storage: store.storage,
    });
    expect(result).toMatchObject({ ok: false, message: "evidence.upload.refused", uploadProblems: [{ sourceIndex: 0, filename: "virus.pdf", problem: { code: "type_not_allowed" } }] });
    expect(store.files()).toHaveLength(filesBefore);
    expect((await db().select({ n: count() }).from(attachments))[0]!.n).toBe(attachmentsBefore);
    expect((await getEventHistory(db(), agreementId)).entries).toHaveLength(1);
    expect((await db().select({ n: count() }).from(sourceAttachments).where(eq(sourceAttachments.sourceId, REPORT_SOURCE_ID)))[0]!.n).toBe(0);
  });

  it("rolls everything back, the new file included, when the database fails after the file is written", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), [["active", "2011"]]);
    await db().execute(sql`CREATE FUNCTION fail_event_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'event link refused for the test'; END; $$`);
    await db().execute(sql`CREATE TRIGGER fail_event_link BEFORE INSERT ON event_sources FOR EACH ROW EXECUTE FUNCTION fail_event_link()`);
    try {
      const filesBefore = store.files();
      const counts = async () => Promise.all([attachments, sources, sourceAttachments, revisions].map(async (t) => (await db().select({ n: count() }).from(t))[0]!.n));
      const before = await counts();
      await expect(
        logStatusChange({
          ctx,
          input: eventInput(agreementId, { sources: [{ mode: "new", source: protocolSource(), quote: "", page: "", allowDuplicate: false }] }),
          files: [{ sourceIndex: 0, file: { filename: "rollback.pdf", declaredType: "application/pdf", bytes: samplePdf("rollback") } }],
          storage: store.storage,
        }),
      ).rejects.toThrow();
      expect(store.files()).toEqual(filesBefore);
      expect(await counts()).toEqual(before);
      expect((await getEventHistory(db(), agreementId)).entries).toHaveLength(1);
    } finally {
      await db().execute(sql`DROP TRIGGER fail_event_link ON event_sources`);
      await db().execute(sql`DROP FUNCTION fail_event_link()`);
    }
  });

  it("lets only one of two simultaneous terminations through: the agreement is locked while the rules decide", async () => {
    const { agreementId } = await agreementWithHistory(db(), [["active", "2011"]]);
    const [a, b] = await Promise.all([actingAs(db(), ANALYST), actingAs(db(), ANALYST)]);
    const results = await Promise.all([
      logStatusChange({ ctx: a, input: eventInput(agreementId, { status: "terminated" }), storage: store.storage }),
      logStatusChange({ ctx: b, input: eventInput(agreementId, { status: "expired" }), storage: store.storage }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ refusal: { code: "already_ended" } });
    expect((await getEventHistory(db(), agreementId)).entries).toHaveLength(2);
  });
});
