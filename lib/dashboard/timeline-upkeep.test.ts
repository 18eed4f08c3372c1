import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { eventSources, statusEvents } from "@/db/schema";
import { databaseError, describeEachDriver } from "@/db/testing";
import { dashboardFixture } from "./test-fixtures";

const snapshot = sql`SELECT event_id, agreement_id, state, sort_date::text, next_sort_date::text, is_last, from_year, to_year, has_source`;

describeEachDriver("the status timeline kept by the trigger", (db, driver) => {
  let f: Awaited<ReturnType<typeof dashboardFixture>>;
  let agreementId: string;
  beforeAll(async () => {
    f = await dashboardFixture(db());
    agreementId = await f.agreement("twin_city", await f.swedish("kommun", "01", "Aby"), await f.foreign("P", "province"));
  });

  const table = () => queryRows(db(), sql`${snapshot} FROM status_timeline ORDER BY event_id`);
  const recomputed = () => queryRows(db(), sql`${snapshot} FROM status_timeline_of(NULL, NULL) ORDER BY event_id`);

  it("follows every insert, one by one or several in one statement, corrections included", async () => {
    const first = await f.event(agreementId, "active", { date: "2001" });
    expect(await table()).toEqual(await recomputed());
    await f.event(agreementId, "dormant", { date: null });
    await f.event(agreementId, "paused", { date: "2003-04" });
    expect(await table()).toEqual(await recomputed());
    await db()
      .insert(statusEvents)
      .values([
        { agreementId, status: "resumed", effectiveOn: "2004-01-01", effectivePrecision: "year", recordedBy: f.userId },
        { agreementId, status: "terminated", effectiveOn: null, effectivePrecision: "unknown", recordedBy: f.userId },
        { agreementId, status: "active", effectiveOn: "2000-01-01", effectivePrecision: "year", recordedBy: f.userId, supersedesId: first, correctionReason: "Rätt år" },
      ]);
    const rows = await table();
    expect(rows).toEqual(await recomputed());
    expect(rows).toHaveLength(5);
    const last = (await queryRows<{ state: string; sort_date: string }>(db(), sql`SELECT state, sort_date::text FROM status_timeline WHERE is_last`))[0];
    expect(last).toEqual({ state: "ended_unknown", sort_date: "2004-01-01" });
  });

  it.runIf(driver === "postgres")("keeps up with two transactions inserting events for the same agreement at once", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const event = (status: "dormant" | "resumed", year: number) => ({
      agreementId,
      status,
      effectiveOn: `${year}-01-01`,
      effectivePrecision: "year" as const,
      recordedBy: f.userId,
    });
    const first = db().transaction(async (tx) => {
      await tx.insert(statusEvents).values(event("dormant", 2010));
      await gate;
    });
    await new Promise((r) => setTimeout(r, 150));
    const second = db().transaction(async (tx) => {
      await tx.insert(statusEvents).values(event("resumed", 2011));
    });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await Promise.all([first, second]);
    expect(await table()).toEqual(await recomputed());
    expect(await table()).toHaveLength(7);
  });

  it("marks an event's row when a source is linked to it later", async () => {
    const [row] = await queryRows<{ event_id: string }>(db(), sql`SELECT event_id FROM status_timeline WHERE NOT has_source LIMIT 1`);
    await db().insert(eventSources).values({ eventId: row!.event_id, sourceId: f.sourceId });
    expect(await table()).toEqual(await recomputed());
    const [after] = await queryRows<{ has_source: boolean }>(db(), sql`SELECT has_source FROM status_timeline WHERE event_id = ${row!.event_id}`);
    expect(after!.has_source).toBe(true);
  });

  it("ignores an insert that inserts nothing", async () => {
    const before = await table();
    await db().insert(statusEvents).values({ id: (before[0] as { event_id: string }).event_id, agreementId, status: "active", effectivePrecision: "unknown", recordedBy: f.userId }).onConflictDoNothing();
    expect(await table()).toEqual(before);
  });

  it.runIf(driver === "postgres")("keeps a source linked while another transaction rebuilds the agreement's rows", async () => {
    const [row] = await queryRows<{ event_id: string }>(db(), sql`SELECT event_id FROM status_timeline WHERE NOT has_source LIMIT 1`);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const rebuild = db().transaction(async (tx) => {
      await tx.insert(statusEvents).values({ agreementId, status: "dormant", effectiveOn: "2012-01-01", effectivePrecision: "year", recordedBy: f.userId });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 150));
    const link = db().insert(eventSources).values({ eventId: row!.event_id, sourceId: f.sourceId });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await Promise.all([rebuild, link]);
    expect(await table()).toEqual(await recomputed());
  });

  it("is derived only: the log itself still refuses updates", async () => {
    expect(await databaseError(db().execute(sql`UPDATE status_events SET note = 'x'`))).toMatch(/append-only/);
  });
});
