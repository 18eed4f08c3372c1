import { createTranslator } from "next-intl";
import type { Tx } from "@/db/client";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import { queueEmail } from "@/lib/mail";

// The account e-mails (invitation, reset, address change), written from the message catalogue
// (namespace "accountMail") in Swedish with the English text below it, and queued in the
// caller's transaction (lib/mail/queue.ts).

export type AccountMailKind = "invitation" | "password_reset" | "email_change" | "email_changed";

type Values = Record<string, string>;

function bilingual(kind: AccountMailKind, values: Values): { subject: string; text: string } {
  const [sv, en] = (["sv", "en"] as const).map((locale) =>
    createTranslator({ locale, messages: loadMessages(locale) as never, namespace: `accountMail.${kind}` as never }),
  );
  const t = (translate: typeof sv, key: string) => (translate as unknown as (k: string, v: Values) => string)(key, values);
  const subject = `${t(sv!, "subject")} / ${t(en!, "subject")}`;
  const text = [t(sv!, "body"), "", "— In English —", "", t(en!, "body")].join("\n");
  return { subject, text };
}

export const accountLinks = {
  setPassword: (token: string) => `${env().appUrl}/set-password/${token}`,
  confirmEmail: (token: string) => `${env().appUrl}/confirm-email/${token}`,
  login: () => `${env().appUrl}/login`,
};

export async function queueAccountEmail(
  tx: Tx,
  input: { kind: AccountMailKind; to: { address: string; name?: string | null }; userId: string; link: string | null; values: Values },
): Promise<string> {
  const { subject, text } = bilingual(input.kind, { ...input.values, link: input.link ?? "" });
  return queueEmail(tx, {
    kind: input.kind === "email_changed" ? "notification" : input.kind,
    to: input.to,
    userId: input.userId,
    subject: `Avtalsregistret: ${subject}`,
    text,
    link: input.link,
  });
}
