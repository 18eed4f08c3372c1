import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { notifications, outboxMessages, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { notify } from "./index";

describeEachDriver("e-mail copies of notifications", (db) => {
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  it("writes the e-mail copy to the outbox in the notification's transaction, and nothing when it rolls back", async () => {
    const [reviewer] = await db().select().from(users).where(eq(users.email, "granskare@demo.avtalsregistret.se"));
    const proposalId = null as unknown as string;
    await expect(
      db().transaction(async (tx) => {
        await notify(tx, [reviewer!.id], "proposal.approved", proposalId, { title: "Mora", actorName: "Anna" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db().select().from(outboxMessages)).toHaveLength(0);

    await db().transaction((tx) => notify(tx, [reviewer!.id], "proposal.approved", proposalId, { title: "Mora", actorName: "Anna" }));
    const mails = await db().select().from(outboxMessages);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "granskare@demo.avtalsregistret.se", kind: "notification", state: "queued", userId: reviewer!.id });
    expect(mails[0]!.subject).toBe("Avtalsregistret: Ditt förslag har godkänts");
    expect(mails[0]!.bodyText).toContain("Anna: Mora");
    expect(await db().select().from(notifications).where(eq(notifications.userId, reviewer!.id))).toHaveLength(1);
  });
});
