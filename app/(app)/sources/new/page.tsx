import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SourceForm } from "@/components/sources/source-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { emptySourceInput } from "@/lib/validation/sources";
import { createSourceAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("sources.create");
  return { title: t("title") };
}

export default async function NewSourcePage() {
  const user = await getCurrentUser();
  if (!can(user ? { ...user, active: true } : null, "source.create")) refusePage({ action: "source.create" });
  const t = await getTranslations();
  return (
    <>
      <p>
        <Link href="/sources">← {t("sources.title")}</Link>
      </p>
      <h1>{t("sources.create.title")}</h1>
      <SourceForm mode="create" defaults={{ source: emptySourceInput("protocol"), allowDuplicate: false, reason: "" }} submit={createSourceAction} cancelHref="/sources" />
    </>
  );
}
