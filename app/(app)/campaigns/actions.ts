"use server";

import { revalidatePath } from "next/cache";
import { closeCampaign, previewSelection, startCampaign } from "@/lib/campaigns";
import { guardedAction } from "@/lib/auth/action";

// Thin: the permission is declared on each action; the lib functions validate and write in one transaction.

export const previewCampaignAction = guardedAction("campaign.start", (ctx, input: unknown) => previewSelection({ ctx, input }));

export const startCampaignAction = guardedAction("campaign.start", async (ctx, input: unknown) => {
  const result = await startCampaign({ ctx, input });
  if (result.ok) revalidatePath("/campaigns");
  return result;
});

export const closeCampaignAction = guardedAction("campaign.close", async (ctx, input: { campaignId?: string }) => {
  const result = await closeCampaign({ ctx, input });
  if (result.ok) {
    revalidatePath("/campaigns");
    revalidatePath(`/campaigns/${input.campaignId}`);
  }
  return result;
});
