import type { Tx } from "@/db/client";
import { campaignMessages } from "@/db/schema";
import { inviteInTransaction } from "../accounts/invite";
import { inviteUserSchema } from "../validation/accounts";
import { sendCampaignMessages } from "./mail";
import type { OrganizationRecipients, Recipient } from "./recipients";

interface CampaignText {
  id: string;
  title: string;
  messageSv: string;
  messageEn: string | null;
}

export interface Written {
  /** Addresses the campaign's message went to. */
  messages: number;
  /** Invitations sent (or renewed) because the organisation has no official who can sign in. */
  invitations: number;
}

/**
 * Writes the campaign's message (or its reminder) to one organisation, in the caller's transaction:
 * to its officials and its contacts. An organisation with no official who can sign in gets an
 * invitation as well: its pending invitees' links are renewed, or else each contact is invited as
 * an official (lib/accounts/invite.ts), and they get the message with it. An address that cannot
 * be invited (e.g. it belongs to another organisation's account) gets the message only.
 */
export async function writeToOrganization(
  tx: Tx,
  campaign: CampaignText,
  organization: { id: string; name: string },
  recipients: OrganizationRecipients,
  kind: "initial" | "reminder",
  at: Date,
  inviter: { id: string; name: string },
): Promise<Written> {
  const to = new Map<string, Recipient>();
  const add = (r: Recipient) => {
    const key = r.address.trim().toLowerCase();
    const seen = to.get(key);
    if (!seen || (!seen.userId && r.userId)) to.set(key, r);
  };
  recipients.officials.forEach(add);
  let invitations = 0;
  if (recipients.officials.length === 0) {
    const invitees = recipients.pending.length > 0 ? recipients.pending : recipients.contacts;
    for (const person of invitees) {
      const data = inviteUserSchema.safeParse({
        name: person.name ?? organization.name,
        email: person.address,
        organizationId: organization.id,
        roles: ["municipal_official"],
      });
      if (!data.success) continue;
      const invited = await inviteInTransaction(tx, { actor: inviter, ip: null, data: data.data, now: at });
      if (!invited.ok) continue;
      invitations += 1;
      await tx.insert(campaignMessages).values({
        campaignId: campaign.id,
        organizationId: organization.id,
        kind: "invitation",
        outboxMessageId: invited.value.messageId,
        userId: invited.value.userId,
        toAddress: data.data.email,
        sentAt: at,
      });
      add({ address: data.data.email, name: person.name, userId: invited.value.userId });
    }
  }
  recipients.contacts.forEach(add);
  const messages = await sendCampaignMessages(tx, campaign, organization, [...to.values()], kind, at);
  return { messages, invitations };
}
