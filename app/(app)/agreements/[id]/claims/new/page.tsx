import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClaimForm } from "@/components/events/claim-form";
import { searchSourcesAction } from "@/app/(app)/sources/actions";
import { refusePage } from "@/lib/auth/refusal";
import { loadAgreementForEvidence } from "@/lib/events/page-data";
import { createClaimAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("claims");
  return { title: t("add") };
}

export default async function NewClaimPage({ params }: Params) {
  const { id } = await params;
  const data = await loadAgreementForEvidence(id, "claim.create");
  if (data.error === "not_found") notFound();
  if (data.error === "forbidden") refusePage({ action: "claim.create", backHref: `/agreements/${id}` });
  const t = await getTranslations();
  return (
    <>
      <p>
        <Link href={`/agreements/${id}`}>← {data.title}</Link>
      </p>
      <h1>{t("claims.add")}</h1>
      <p className="muted">{t("claims.addIntro")}</p>
      <ClaimForm agreementId={id} submit={createClaimAction} search={searchSourcesAction} />
    </>
  );
}
