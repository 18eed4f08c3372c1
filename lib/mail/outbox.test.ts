import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, queryRows } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { describeEachDriver } from "@/db/testing";
import { startJobs, type JobRuntime } from "@/lib/jobs";
import { startTestSmtp, type TestSmtp } from "@/scripts/test-smtp.mjs";
import { deliverMessage, FORGOTTEN_LINK } from "./deliver";
import { DELIVERY_POLICY, registerMailJobs } from "./jobs";
import { DELIVER_JOB, queueEmail } from "./queue";
import { sweepOutbox } from "./sweep";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  const transport = nodemailer.createTransport(smtp.url);
  registerMailJobs({ transport, from: "Avtalsregistret <no-reply@avtal.test>" });
});
afterAll(async () => {
  await smtp.close();
});

function received(address: string) {
  return smtp.messages.filter((m) => m.to.includes(address));
}

const mail = (address: string, link = "http://localhost:3000/invite/abc") => ({
  kind: "test",
  to: { address, name: "Test Person" },
  subject: `Hello ${address}`,
  text: `Follow ${link}`,
  link,
});

describeEachDriver("outbox", (db, driver, handle) => {
  let jobs: JobRuntime;
  beforeAll(async () => {
    jobs = await startJobs(handle(), { work: false });
  }, 60_000);
  afterAll(async () => {
    await jobs.stop();
  });

  it("writes the message and its delivery job in the caller's transaction: a rollback leaves neither", async () => {
    const to = `rollback-${driver}@avtal.test`;
    await expect(
      db().transaction(async (tx) => {
        await queueEmail(tx, mail(to));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, to))).toEqual([]);
    expect(await jobs.drain(DELIVER_JOB)).toBe(0);
    expect(received(to)).toEqual([]);
  });

  it("delivers a committed message once over SMTP, with its link, and records it sent", async () => {
    const to = `once-${driver}@avtal.test`;
    const id = await db().transaction((tx) => queueEmail(tx, mail(to, "http://localhost:3000/invite/tok123")));
    expect(await jobs.drain(DELIVER_JOB)).toBe(1);
    const [got] = received(to);
    expect(got?.subject).toBe(`Hello ${to}`);
    expect(got?.text).toContain("http://localhost:3000/invite/tok123");
    expect(got?.messageId).toBe(`<${id}@avtal.test>`);
    const [row] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row).toMatchObject({ state: "sent", attempts: 1, lastError: null });
    // Nothing left to run, and running the delivery again sends nothing.
    expect(await jobs.drain(DELIVER_JOB)).toBe(0);
    const again = await deliverMessage(db(), id, { transport: nodemailer.createTransport(smtp.url), from: "x@avtal.test", retryCount: 0, retryLimit: 1 });
    expect(again).toBe("skipped");
    expect(received(to)).toHaveLength(1);
  });

  it("forgets the single-use link of an account message once it is delivered (the recipient has it)", async () => {
    const to = `secret-${driver}@avtal.test`;
    const link = "http://localhost:3000/set-password/tokTOKtok";
    const id = await db().transaction((tx) => queueEmail(tx, { ...mail(to, link), kind: "invitation" }));
    expect(await jobs.drain(DELIVER_JOB)).toBe(1);
    expect(received(to)[0]?.text).toContain(link);
    const [row] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row).toMatchObject({ state: "sent", link: null, bodyText: `Follow ${FORGOTTEN_LINK}` });
  });

  it("puts a temporarily refused message back for a retry with backoff, and fails a permanently refused one", async () => {
    const temp = `refuse-temp-${driver}@avtal.test`;
    const perm = `refuse-perm-${driver}@avtal.test`;
    await db().transaction(async (tx) => {
      await queueEmail(tx, mail(temp));
      await queueEmail(tx, mail(perm));
    });
    expect(await jobs.drain(DELIVER_JOB)).toBe(2);
    const [t] = await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, temp));
    const [p] = await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, perm));
    expect(t).toMatchObject({ state: "queued", attempts: 1 });
    expect(t!.lastError).toContain("451");
    expect(p).toMatchObject({ state: "failed", attempts: 1 });
    expect(p!.lastError).toContain("550");
    // The job waits for its retry (not due yet: nothing to drain now).
    const [job] = await queryRows<{ state: string; wait: number }>(
      db(),
      sql`select state, extract(epoch from start_after - now())::float as wait from pgboss.job where id = ${t!.jobId}`,
    );
    expect(job?.state).toBe("retry");
    expect(job!.wait).toBeGreaterThan(DELIVERY_POLICY.retryDelay / 4);
    expect(await jobs.drain(DELIVER_JOB)).toBe(0);
  });

  it("gives a delivery job to a message written without one (a script's), and delivers it", async () => {
    const to = `swept-${driver}@avtal.test`;
    await db().insert(outboxMessages).values({ kind: "test", toAddress: to, subject: "Swept", bodyText: "From a script" });
    expect(await sweepOutbox(db())).toBe(1);
    expect(await sweepOutbox(db())).toBe(0);
    expect(await jobs.drain(DELIVER_JOB)).toBe(1);
    expect(received(to).map((m) => m.subject)).toEqual(["Swept"]);
  });

  if (driver === "postgres") {
    it("two workers on one PostgreSQL deliver each of 20 messages once", async () => {
      const second = await openDatabase({ url: handle().url! });
      const other = await startJobs(second, { work: false, current: false });
      try {
        const addresses = Array.from({ length: 20 }, (_, i) => `pair-${i}@avtal.test`);
        await db().transaction(async (tx) => {
          for (const a of addresses) await queueEmail(tx, mail(a));
        });
        const [a, b] = await Promise.all([jobs.drain(DELIVER_JOB), other.drain(DELIVER_JOB)]);
        expect(a + b).toBe(20);
        for (const address of addresses) expect(received(address)).toHaveLength(1);
        // Two deliveries of one message at the same moment (a duplicated job): one sends.
        const [id] = await db().transaction(async (tx) => [await queueEmail(tx, mail("race@avtal.test"))]);
        const opts = { transport: nodemailer.createTransport(smtp.url), from: "x@avtal.test", retryCount: 0, retryLimit: 1 };
        const outcomes = await Promise.all([deliverMessage(db(), id!, opts), deliverMessage(second.db, id!, opts)]);
        expect(outcomes.sort()).toEqual(["sent", "skipped"]);
        expect(received("race@avtal.test")).toHaveLength(1);
      } finally {
        await other.stop();
        await second.close();
      }
    });
  }
});
