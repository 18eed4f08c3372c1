import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/agreements/import-wizard";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";

export async function generateMetadata() {
  const t = await getTranslations("registry.import");
  return { title: t("title") };
}

export default async function ImportPage() {
  const [t, user] = await Promise.all([getTranslations(), getCurrentUser()]);
  const actor = user ? { ...user, active: true } : null;
  if (!can(actor, "import.run") || !can(actor, "agreement.create")) refusePage({ action: "import.run" });
  return (
    <>
      <p className="breadcrumb">
        <Link href="/agreements">← {t("agreement.back")}</Link>
      </p>
      <h1>{t("registry.import.title")}</h1>
      <p className="muted" style={{ maxWidth: "52rem" }}>
        {t("registry.import.intro")}
      </p>
      <ImportWizard />
    </>
  );
}
