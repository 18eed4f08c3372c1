import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { agreements, proposals, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { contextForSession } from "../auth/context";
import { setSetting } from "../settings";
import { submitAgreementEdit } from "./edit-policy";

describeEachDriver("the review policy for analysts' edits", (db) => {
  let agreement: typeof agreements.$inferSelect;
  let analystId: string;
  let adminId: string;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const [row] = await queryRows<{ id: string }>(
      db(),
      sql`SELECT a.id FROM agreements a JOIN organizations s ON s.id = a.swedish_org_id WHERE s.official_code = '1382' AND s.kind = 'kommun'`,
    );
    [agreement] = (await db().select().from(agreements).where(eq(agreements.id, row!.id))) as [typeof agreements.$inferSelect];
    analystId = (await db().select().from(users).where(eq(users.email, "analytiker@demo.avtalsregistret.se")))[0]!.id;
    adminId = (await db().select().from(users).where(eq(users.email, "admin@demo.avtalsregistret.se")))[0]!.id;
  });

  const edit = (funding: string, baseVersion: number) => ({
    id: agreement.id,
    baseVersion,
    swedishOrgId: agreement.swedishOrgId,
    foreign: { mode: "existing" as const, id: agreement.foreignOrgId },
    kind: agreement.kind,
    designation: agreement.designation ?? "",
    established: agreement.establishedOn ? agreement.establishedOn.slice(0, 4) : "",
    funding,
    areas: agreement.areas.join("\n"),
    notes: agreement.notes ?? "",
    reason: "Finansiering enligt avtalet",
  });

  it("saves an analyst's edit at once while the policy is off", async () => {
    const ctx = await contextForSession(db(), analystId);
    const result = await submitAgreementEdit({ ctx, input: edit("Falkenbergs kommun", agreement.version) });
    expect(result).toMatchObject({ ok: true, changed: ["funding"] });
    expect("proposalId" in result).toBe(false);
    const [after] = await db().select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after?.funding).toBe("Falkenbergs kommun");
    agreement = after!;
  });

  it("turns the edit into a proposal, changing nothing yet, when the admin requires review", async () => {
    await setSetting(db(), adminId, "analystEditsRequireReview", true);
    const ctx = await contextForSession(db(), analystId);
    const result = await submitAgreementEdit({ ctx, input: edit("Region Halland", agreement.version) });
    expect(result).toMatchObject({ ok: true, changed: ["funding"] });
    const proposalId = (result as { proposalId: string }).proposalId;
    const [p] = await db().select().from(proposals).where(eq(proposals.id, proposalId));
    expect(p).toMatchObject({ kind: "agreement.update", status: "open", authorId: analystId, baseVersion: agreement.version });
    const [after] = await db().select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after).toMatchObject({ funding: "Falkenbergs kommun", version: agreement.version });
    // A stale edit is refused with what changed meanwhile, as without the policy.
    const stale = await submitAgreementEdit({ ctx, input: edit("Annat", agreement.version - 1) });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
  });
});
