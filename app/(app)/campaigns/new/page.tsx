import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { requirePagePermission } from "@/lib/auth/page";
import { listCounties } from "@/lib/campaigns";
import { previewCampaignAction, startCampaignAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("new") };
}

export default async function NewCampaignPage() {
  const ctx = await requirePagePermission("campaign.start");
  const t = await getTranslations("campaigns");
  const counties = await listCounties(ctx.db);
  return (
    <>
      <p>
        <Link href="/campaigns">← {t("back")}</Link>
      </p>
      <h1>{t("new")}</h1>
      <div className="card">
        <CampaignForm counties={counties} preview={previewCampaignAction} action={startCampaignAction} />
      </div>
    </>
  );
}
