import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { statusEvents } from "@/db/schema";
import { databaseError, describeEachDriver } from "@/db/testing";
import { dashboardFixture } from "./test-fixtures";

const snapshot = sql`SELECT event_id, agreement_id, state, sort_date::text, next_sort_date::text, is_last, from_year, to_year`;

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

  it("ignores an insert that inserts nothing", async () => {
    const before = await table();
    await db().insert(statusEvents).values({ id: (before[0] as { event_id: string }).event_id, agreementId, status: "active", effectivePrecision: "unknown", recordedBy: f.userId }).onConflictDoNothing();
    expect(await table()).toEqual(before);
  });

  it("is derived only: the log itself still refuses updates", async () => {
    expect(await databaseError(db().execute(sql`UPDATE status_events SET note = 'x'`))).toMatch(/append-only/);
  });
});
