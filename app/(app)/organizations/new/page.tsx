import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { listForeignOrganizations } from "@/lib/organizations/list";
import { createOrganizationAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("registry.org");
  return { title: t("newForeign") };
}

export default async function NewOrganizationPage() {
  const [t, user] = await Promise.all([getTranslations(), getCurrentUser()]);
  if (!can(user ? { ...user, active: true } : null, "organization.create")) refusePage({ action: "organization.create" });
  const parents = await listForeignOrganizations(await getDb());
  return (
    <>
      <p className="breadcrumb">
        <Link href="/organizations">← {t("registry.org.back")}</Link>
      </p>
      <h1>{t("registry.org.newForeign")}</h1>
      <p className="muted">{t("registry.org.newForeignIntro")}</p>
      <OrganizationForm parents={parents} action={createOrganizationAction} />
    </>
  );
}
