import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { beforeAll, expect, it } from "vitest";
import { notifications, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { sendPendingEmails } from "./email";

describeEachDriver("e-mail copies of notifications", (db) => {
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  it("sends each pending notification once through the transport and marks it sent", async () => {
    const [reviewer] = await db().select().from(users).where(eq(users.email, "granskare@demo.avtalsregistret.se"));
    await db().insert(notifications).values({ userId: reviewer!.id, kind: "proposal.submitted", message: { title: "Mora", actorName: "Anna" } });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sentMessages: string[] = [];
    const original = transport.sendMail.bind(transport);
    const recording = Object.assign(transport, {
      sendMail: async (mail: Parameters<typeof original>[0]) => {
        const info = await original(mail);
        sentMessages.push(String((info as unknown as { message: string }).message));
        return info;
      },
    });
    const opts = { transport: recording, from: "test@example.se", baseUrl: "http://localhost:3000" };
    expect(await sendPendingEmails(db(), opts)).toBe(1);
    expect(sentMessages[0]).toContain("granskare@demo.avtalsregistret.se");
    expect(sentMessages[0]).toContain("Nytt förslag att granska");
    expect(await sendPendingEmails(db(), opts)).toBe(0);
  });
});
