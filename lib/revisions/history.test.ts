import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { STAFF_READER } from "../dashboard/test-fixtures";
import { queryRows } from "@/db/client";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { activityFeed } from "../activity/feed";
import { applyAgreementChanges } from "../review/apply";
import { recordHistory } from "./history";

describeEachDriver("record history and activity", (db) => {
  let agreementId: string;
  let analystId: string;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const [row] = await queryRows<{ id: string }>(
      db(),
      sql`SELECT a.id FROM agreements a JOIN organizations s ON s.id = a.swedish_org_id WHERE s.official_code = '2062' AND s.kind = 'kommun'`,
    );
    agreementId = row!.id;
    const [analyst] = await db().select().from(users).where(eq(users.email, "analytiker@demo.avtalsregistret.se"));
    analystId = analyst!.id;
  });

  it("lists an agreement's revisions and events, newest first, with field-by-field before and after", async () => {
    await db().transaction((tx) => applyAgreementChanges(tx, agreementId, { funding: "Mora kommun" }, { actorId: analystId, reason: "Rättelse" }));
    const history = await recordHistory(db(), "agreement", agreementId);
    expect(history[0]).toMatchObject({ type: "revision", action: "agreement.update", changedFields: ["funding"], reason: "Rättelse", actorName: "Demo Analytiker" });
    expect(history[0]!.before?.funding).toBeNull();
    expect(history[0]!.after?.funding).toBe("Mora kommun");
    const actions = history.map((h) => h.action);
    expect(actions).toContain("agreement.status_terminated");
    expect(actions.indexOf("agreement.status_terminated")).toBeLessThan(actions.indexOf("agreement.create"));
  });

  it("shows the latest changes in the activity feed, filterable by user, without the dataset import", async () => {
    const all = await activityFeed(db(), STAFF_READER, { limit: 50 });
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.actorName !== "NKK dataset (import)")).toBe(true);
    const mine = await activityFeed(db(), STAFF_READER, { limit: 50, userId: analystId });
    expect(mine[0]).toMatchObject({ action: "agreement.update", agreementId, label: "Mora – Changchun" });
    const other = await activityFeed(db(), STAFF_READER, { limit: 50, userId: "00000000-0000-4000-8000-000000000000" });
    expect(other).toEqual([]);
  });
});
