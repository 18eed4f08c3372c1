import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";

export interface DeliveryOptions {
  transport: Transporter;
  from: string;
  /** The job's try (0 first); on the last one a failure is final. */
  retryCount: number;
  retryLimit: number;
  now?: Date;
  /** A message left in "sending" longer than this (its worker died mid-send) may be taken again. */
  staleAfterMs?: number;
}

export type DeliveryOutcome = "sent" | "skipped" | "failed" | "retry";

export class TransientMailError extends Error {}

const DEFAULT_STALE_MS = 5 * 60_000;

/**
 * Sends one outbox message at most once as far as SMTP allows: a worker first claims it
 * (queued → sending, in its own committed statement: a second worker or a duplicate job finds
 * nothing to claim), then sends, then records sent. A transient SMTP failure puts it back to
 * queued and throws, so the job retries with backoff; a permanent one (5xx) or the last try ends
 * in failed. Only a crash between the server's acceptance and the "sent" write can repeat a
 * message (after staleAfterMs), and then with the same Message-ID, so the receiver can drop it.
 */
export async function deliverMessage(db: Db, messageId: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? DEFAULT_STALE_MS));
  const [message] = await db
    .update(outboxMessages)
    .set({ state: "sending", attempts: sql`${outboxMessages.attempts} + 1`, claimedAt: now })
    .where(
      and(
        eq(outboxMessages.id, messageId),
        or(eq(outboxMessages.state, "queued"), and(eq(outboxMessages.state, "sending"), lt(outboxMessages.claimedAt, staleBefore))),
      ),
    )
    .returning();
  if (!message) return "skipped";

  try {
    await options.transport.sendMail({
      from: options.from,
      to: message.toName ? { name: message.toName, address: message.toAddress } : message.toAddress,
      subject: message.subject,
      text: message.bodyText,
      html: message.bodyHtml ?? undefined,
      messageId: `<${message.id}@${domainOf(options.from)}>`,
    });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const permanent = typeof code === "number" && code >= 500 && code < 600;
    const final = permanent || options.retryCount >= options.retryLimit;
    const lastError = describe(error);
    await db
      .update(outboxMessages)
      .set({ state: final ? "failed" : "queued", lastError })
      .where(eq(outboxMessages.id, message.id));
    if (final) return "failed";
    throw new TransientMailError(lastError);
  }
  await db
    .update(outboxMessages)
    .set({ state: "sent", sentAt: new Date(), lastError: null, ...forgetSecretLink(message) })
    .where(eq(outboxMessages.id, message.id));
  return "sent";
}

/**
 * Messages whose link is a credential (a single-use token: lib/accounts/tokens.ts keeps only its
 * hash). Once such a message is delivered, the outbox forgets the link too, so that a copy of the
 * database opens no account. Undelivered ones keep it: without SMTP, /admin/outbox is how the
 * embedded demo follows an invitation.
 */
export const SECRET_LINK_KINDS: ReadonlySet<string> = new Set(["invitation", "password_reset", "email_change"]);
export const FORGOTTEN_LINK = "[link removed after delivery]";

function forgetSecretLink(message: { kind: string; link: string | null; bodyText: string; bodyHtml: string | null }) {
  if (!SECRET_LINK_KINDS.has(message.kind) || !message.link) return {};
  const link = message.link;
  return { link: null, bodyText: message.bodyText.split(link).join(FORGOTTEN_LINK), bodyHtml: message.bodyHtml?.split(link).join(FORGOTTEN_LINK) ?? null };
}

function domainOf(from: string): string {
  const match = /@([^>\s]+)/.exec(from);
  return match?.[1] ?? "avtalsregistret.local";
}

function describe(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string };
  return (e.response ?? [e.code, e.message].filter(Boolean).join(": ")) || String(error);
}
