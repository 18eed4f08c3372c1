import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { statusEvents } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { databaseError, describeEachDriver } from "@/db/testing";
import { samplePdf } from "../attachments/sample-pdf";
import { correctEvent } from "./correct";
import { getEventHistory } from "./history";
import { logStatusChange } from "./log-status-change";
import { actingAs, agreementWithHistory, ANALYST, eventInput, protocolSource, REVIEWER, tempStorage } from "./test-support";

describeEachDriver("correcting an event", (db) => {
  const store = tempStorage();
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });
  afterAll(() => store.cleanup());

  const correction = (agreementId: string, supersedesId: string, overrides: Record<string, unknown> = {}) => ({
    ...eventInput(agreementId),
    supersedesId,
    correctionReason: "Protokollet visar ett beslut om att avsluta, inte att avtalet löpte ut.",
    ...overrides,
  });

  it("supersedes Lidköping–Chengdu's expiry with a termination, leaving the old event untouched", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const agreementId = seedId("agreement", "lidkoping-chengdu-twin");
    const expiredId = seedId("event", "lidkoping-chengdu-twin#1");
    const [before] = await queryRows<Record<string, unknown>>(db(), sql`SELECT * FROM status_events WHERE id = ${expiredId}`);
    expect(before).toMatchObject({ status: "expired" });

    // A second ending is refused: it needs a correction.
    const second = await logStatusChange({ ctx, input: eventInput(agreementId, { effective: { precision: "year", value: "2021" } }), storage: store.storage });
    expect(second).toMatchObject({ ok: false, refusal: { code: "already_ended", previous: { id: expiredId, status: "expired" } } });

    const result = await correctEvent({
      ctx,
      input: correction(agreementId, expiredId, {
        effective: { precision: "day", value: "2020-06-15" },
        decidedBy: "Kommunfullmäktige",
        sources: [{ mode: "new", source: protocolSource({ body: "Kommunfullmäktige, Lidköpings kommun" }), quote: "", page: "", allowDuplicate: false }],
      }),
      files: [{ sourceIndex: 0, file: { filename: "kf-2020-06-15.pdf", declaredType: "application/pdf", bytes: samplePdf("KF") } }],
      storage: store.storage,
    });
    expect(result).toMatchObject({ ok: true });

    const [after] = await queryRows<Record<string, unknown>>(db(), sql`SELECT * FROM status_events WHERE id = ${expiredId}`);
    expect(after).toEqual(before);
    const history = await getEventHistory(db(), agreementId);
    expect(history.current).toMatchObject({ state: "ended", event: { status: "terminated", effectiveOn: "2020-06-15" } });
    const old = history.entries.find((e) => e.id === expiredId)!;
    expect(old.supersededBy).toMatchObject({ status: "terminated", recordedByName: "Demo Analytiker", correctionReason: expect.stringContaining("Protokollet") });
    expect(history.live.map((e) => e.status)).toEqual(["active", "terminated"]);
  });

  it("refuses to correct an event twice, and points at the correction", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId, eventIds } = await agreementWithHistory(db(), [["active", "2010"], ["dormant", "2015"]]);
    expect(await correctEvent({ ctx, input: correction(agreementId, eventIds[1]!, { status: "paused" }), storage: store.storage })).toMatchObject({ ok: true });
    const again = await correctEvent({ ctx, input: correction(agreementId, eventIds[1]!, { status: "terminated" }), storage: store.storage });
    expect(again).toMatchObject({ ok: false, message: "evidence.correct.alreadyCorrected", correctedBy: { status: "paused", recordedByName: "Demo Analytiker" } });
  });

  it("requires a reason, the correct permission and an event of the same agreement", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId, eventIds } = await agreementWithHistory(db(), [["active", "2010"], ["dormant", "2015"]]);
    const other = await agreementWithHistory(db(), [["active", "2010"]]);
    expect(await correctEvent({ ctx, input: correction(agreementId, eventIds[1]!, { correctionReason: "  " }), storage: store.storage })).toMatchObject({
      ok: false,
      fieldErrors: { correctionReason: ["evidence.errors.correctionReasonRequired"] },
    });
    expect(await correctEvent({ ctx: await actingAs(db(), REVIEWER), input: correction(agreementId, eventIds[1]!), storage: store.storage })).toEqual({
      ok: false,
      message: "evidence.form.forbidden",
    });
    expect(await correctEvent({ ctx, input: correction(other.agreementId, eventIds[1]!), storage: store.storage })).toMatchObject({ ok: false, message: "evidence.correct.notFound" });
  });

  it("refuses a correction that would make a later event impossible", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId, eventIds } = await agreementWithHistory(db(), [["active", "2010"], ["paused", "2015"], ["resumed", "2017"]]);
    const result = await correctEvent({ ctx, input: correction(agreementId, eventIds[1]!, { status: "dormant", effective: { precision: "year", value: "2015" } }), storage: store.storage });
    expect(result).toMatchObject({ ok: true }); // dormant → resumed is fine
    const { agreementId: a2, eventIds: e2 } = await agreementWithHistory(db(), [["active", "2010"], ["paused", "2015"], ["resumed", "2017"]]);
    const refused = await correctEvent({ ctx, input: correction(a2, e2[1]!, { status: "partially_terminated" }), storage: store.storage });
    // With the pause corrected away, the later resumption would resume what was never paused.
    expect(refused).toMatchObject({ ok: false, refusal: { code: "never_paused", status: "resumed", later: { id: e2[2] } } });
  });

  it("keeps the wrong event in the log: the database refuses to change or remove it", async () => {
    const { eventIds } = await agreementWithHistory(db(), [["active", "2010"]]);
    expect(await databaseError(db().update(statusEvents).set({ status: "paused" }).where(eq(statusEvents.id, eventIds[0]!)))).toMatch(/append-only/);
    expect(await databaseError(db().delete(statusEvents).where(eq(statusEvents.id, eventIds[0]!)))).toMatch(/append-only/);
  });
});
