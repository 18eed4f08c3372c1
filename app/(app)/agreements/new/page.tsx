import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgreementForm } from "@/components/agreements/agreement-form";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { listForeignOrganizations, listSwedishOrganizations } from "@/lib/organizations/list";
import { EMPTY_AGREEMENT, EMPTY_FIRST_STATUS } from "@/lib/validation/agreements";
import { searchSourcesAction } from "../../sources/actions";
import { createAgreementAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("registry.form");
  return { title: t("newTitle") };
}

export default async function NewAgreementPage() {
  const [t, user, db] = await Promise.all([getTranslations(), getCurrentUser(), getDb()]);
  const actor = user ? { ...user, active: true } : null;
  if (!can(actor, "agreement.create")) refusePage({ action: "agreement.create" });
  const [swedish, foreign] = await Promise.all([listSwedishOrganizations(db), listForeignOrganizations(db)]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/agreements">← {t("agreement.back")}</Link>
      </p>
      <h1>{t("registry.form.newTitle")}</h1>
      <AgreementForm
        mode="create"
        defaultValues={{ ...EMPTY_AGREEMENT, firstStatus: { effective: { ...EMPTY_FIRST_STATUS.effective }, sources: [] } }}
        swedish={swedish}
        foreign={foreign}
        canCreateOrganization={can(actor, "organization.create")}
        action={createAgreementAction}
        cancelHref="/agreements"
        searchSources={searchSourcesAction}
      />
    </>
  );
}
