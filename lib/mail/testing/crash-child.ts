// Child process of crash.test.ts: an app instance that commits a change with its e-mail and then
// hangs before its worker runs, until the test kills it (SIGKILL: no shutdown hooks, nothing flushed).
import nodemailer from "nodemailer";
import { openDatabase } from "@/db/client";
import { startJobs } from "@/lib/jobs";
import { registerMailJobs } from "../jobs";
import { queueEmail } from "../queue";

async function main() {
  const [url, address] = process.argv.slice(2);
  const handle = await openDatabase({ url: url! });
  registerMailJobs({ transport: nodemailer.createTransport({ jsonTransport: true }), from: "no-reply@avtal.test" });
  await startJobs(handle, { work: false });
  const id = await handle.db.transaction((tx) =>
    queueEmail(tx, { kind: "test", to: { address: address! }, subject: "After the crash", text: "Sent once", link: null }),
  );
  process.stdout.write(`committed ${id}\n`);
  setInterval(() => {}, 60_000);
}
void main();
