import fs from "node:fs";
import path from "node:path";

// What the e2e server's SMTP server received (scripts/e2e-server.mjs writes each message as a
// JSON file under .data/e2e-mail). The specs wait here for a message, as a person waits for mail.

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  date: string;
  file: string;
}

const MAIL_DIR = path.join(process.cwd(), ".data", "e2e-mail");

export function mailTo(address: string): Mail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  const wanted = address.trim().toLowerCase();
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith(".json") && !f.startsWith("."))
    .sort()
    .map((file) => ({ ...(JSON.parse(fs.readFileSync(path.join(MAIL_DIR, file), "utf8")) as Omit<Mail, "file">), file }))
    .filter((m) => m.to.some((t) => t.toLowerCase() === wanted));
}

/**
 * Waits until the `count`th message to `address` (whose subject matches, when given) has
 * arrived, and returns it. Delivery is the app's job worker: it polls every few seconds.
 */
export async function waitForMail(address: string, options: { subject?: RegExp; count?: number; timeoutMs?: number } = {}): Promise<Mail> {
  const { subject, count = 1, timeoutMs = 45_000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailTo(address).filter((m) => !subject || subject.test(m.subject));
    if (found.length >= count) return found[count - 1]!;
    if (Date.now() > deadline) {
      throw new Error(`no ${count > 1 ? `${count}th ` : ""}e-mail to ${address}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms (got ${found.length})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the message's text whose path starts with `pathPrefix`, as a path for page.goto. */
export function linkIn(mail: Mail, pathPrefix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url.pathname + url.search;
  }
  throw new Error(`no ${pathPrefix} link in the e-mail "${mail.subject}"`);
}
