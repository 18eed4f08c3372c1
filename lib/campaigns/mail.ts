import { createTranslator } from "next-intl";
import type { Tx } from "@/db/client";
import { campaignMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import { queueEmail } from "@/lib/mail";
import type { Recipient } from "./recipients";

type Kind = "initial" | "reminder";

/** The link every campaign message carries: the organisation's home, where officials confirm or propose. */
export function campaignLink(campaignId: string): string {
  return `${env().appUrl}/home?campaign=${campaignId}`;
}

type MailKey = "callToAction" | "reminderSubject" | "reminderIntro" | "englishBelow";
const translator = (locale: "sv" | "en") => {
  const t = createTranslator({ locale, messages: loadMessages(locale) as Record<string, string> });
  return (key: MailKey, values?: Record<string, string>) => (t as (k: string, v?: Record<string, string>) => string)(`campaigns.mail.${key}`, values);
};

/** The message in Swedish, and in English after it when the campaign has an English text. The frame comes from the catalogue. */
export function composeCampaignEmail(
  campaign: { id: string; title: string; messageSv: string; messageEn: string | null },
  kind: Kind,
  organizationName: string,
): { subject: string; text: string; link: string } {
  const link = campaignLink(campaign.id);
  const part = (locale: "sv" | "en", message: string) => {
    const t = translator(locale);
    return [kind === "reminder" ? t("reminderIntro", { organization: organizationName }) : null, message, t("callToAction"), link]
      .filter((p): p is string => p !== null)
      .join("\n\n");
  };
  const sv = translator("sv");
  const subject = kind === "reminder" ? sv("reminderSubject", { title: campaign.title }) : campaign.title;
  const text = campaign.messageEn
    ? `${part("sv", campaign.messageSv)}\n\n${translator("en")("englishBelow")}\n\n${part("en", campaign.messageEn)}\n`
    : `${part("sv", campaign.messageSv)}\n`;
  return { subject, text, link };
}

/** Writes one message per recipient to the outbox and to the campaign's log, in the caller's transaction. */
export async function sendCampaignMessages(
  tx: Tx,
  campaign: { id: string; title: string; messageSv: string; messageEn: string | null },
  organization: { id: string; name: string },
  recipients: readonly Recipient[],
  kind: Kind,
  at: Date,
): Promise<number> {
  const { subject, text, link } = composeCampaignEmail(campaign, kind, organization.name);
  for (const r of recipients) {
    const outboxMessageId = await queueEmail(tx, {
      kind: kind === "reminder" ? "campaign_reminder" : "campaign",
      to: { address: r.address, name: r.name },
      userId: r.userId,
      subject,
      text,
      link,
    });
    await tx.insert(campaignMessages).values({
      campaignId: campaign.id,
      organizationId: organization.id,
      kind,
      outboxMessageId,
      userId: r.userId,
      toAddress: r.address.trim().toLowerCase(),
      sentAt: at,
    });
  }
  return recipients.length;
}
