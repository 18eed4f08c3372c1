// A real SMTP server for tests (smtp-server + mailparser from npm): it accepts every message on
// 127.0.0.1, parses it and keeps it in memory. Used by the integration tests (lib/mail) and by
// scripts/e2e-server.mjs, which also serves the received mail as JSON for the Playwright specs.
// A recipient whose address starts with "refuse-temp" gets 451, "refuse-perm" 550.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/** @param {{ port?: number, onMessage?: (message: object) => void }} [options] */
export async function startTestSmtp(options = {}) {
  /** @type {{ from: string, to: string[], subject: string, text: string, html: string | null, messageId: string | null, date: string }[]} */
  const messages = [];
  /** @type {(() => void)[]} */
  let waiters = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refuse-temp")) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      if (address.address.startsWith("refuse-perm")) return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const message = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            messageId: mail.messageId ?? null,
            date: new Date().toISOString(),
          };
          messages.push(message);
          options.onMessage?.(message);
          const w = waiters;
          waiters = [];
          w.forEach((f) => f());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Resolves when `count` messages have arrived (or rejects after timeoutMs). */
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} e-mails, got ${messages.length}`);
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          waiters.push(() => {
            clearTimeout(timer);
            resolve(undefined);
          });
        });
      }
      return messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
