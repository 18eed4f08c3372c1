import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { openTestDatabase, testDrivers } from "@/db/testing";
import { startJobs } from "@/lib/jobs";
import { startTestSmtp, type TestSmtp } from "@/scripts/test-smtp.mjs";
import { registerMailJobs } from "./jobs";
import { DELIVER_JOB } from "./queue";
import { sweepOutbox } from "./sweep";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

/** Runs crash-child.ts until it has committed, then kills it with SIGKILL; returns the message id. */
function commitThenKill(url: string, address: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "testing", "crash-child.ts"), url, address], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /committed (\S+)/.exec(out);
      if (match) {
        child.kill("SIGKILL");
        child.once("exit", () => resolve(match[1]!));
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!/committed/.test(out)) reject(new Error(`child exited (${code ?? signal}) before committing`));
    });
  });
}

// Two processes on one database: the server case, so PostgreSQL only.
describe.runIf(testDrivers().includes("postgres"))("an app killed after the commit and before its e-mail was sent", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await h.close();
  });
  const db = () => h.db;
  const handle = () => h;

  async function waitForState(id: string, state: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await db().select({ state: outboxMessages.state }).from(outboxMessages).where(eq(outboxMessages.id, id));
      if (row?.state === state || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("delivers the e-mail exactly once after the restart", async () => {
    const address = "crash@avtal.test";
    const id = await commitThenKill(handle().url!, address);
    expect(smtp.messages).toHaveLength(0);
    const [before] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(before?.state).toBe("queued");

    // The restarted instance: its worker polls and delivers what the dead one left.
    registerMailJobs({ transport: nodemailer.createTransport(smtp.url), from: "no-reply@avtal.test" });
    const jobs = await startJobs(handle(), { pollingIntervalSeconds: 0.5 });
    try {
      await smtp.waitFor(1);
      expect(smtp.messages[0]).toMatchObject({ to: [address], subject: "After the crash" });
      await waitForState(id, "sent");
      // Nothing is left to send: another sweep and drain send nothing more.
      expect(await sweepOutbox(db())).toBe(0);
      expect(await jobs.drain(DELIVER_JOB)).toBe(0);
      const [after] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, id));
      expect(after).toMatchObject({ state: "sent", attempts: 1 });
    } finally {
      await jobs.stop();
    }
    expect(smtp.messages.filter((m) => m.to.includes(address))).toHaveLength(1);
  }, 60_000);
});
