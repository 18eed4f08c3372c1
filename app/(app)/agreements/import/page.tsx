import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { ImportWizard } from "@/components/agreements/import-wizard";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { listImportJobs } from "@/lib/import/jobs";

export async function generateMetadata() {
  const t = await getTranslations("registry.import");
  return { title: t("title") };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ job?: string | string[] }> }) {
  const [t, locale, user, params] = await Promise.all([getTranslations(), getLocale(), getCurrentUser(), searchParams]);
  const dates = dateFormat(locale);
  const actor = user ? { ...user, active: true } : null;
  if (!user || !can(actor, "import.run") || !can(actor, "agreement.create")) refusePage({ action: "import.run" });
  const jobId = typeof params.job === "string" ? params.job : undefined;
  const recent = await listImportJobs({ db: await getDb(), user }, 5);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/agreements">← {t("agreement.back")}</Link>
      </p>
      <h1>{t("registry.import.title")}</h1>
      <p className="muted" style={{ maxWidth: "52rem" }}>
        {t("registry.import.intro")}
      </p>
      <ImportWizard key={jobId ?? "new"} jobId={jobId} />
      {recent.length > 0 && (
        <section aria-labelledby="recent-imports" style={{ marginTop: "1.5rem" }}>
          <h2 id="recent-imports">{t("imports.recent.title")}</h2>
          <ul data-testid="recent-imports">
            {recent.map((j) => (
              <li key={j.id}>
                <Link href={`/agreements/import?job=${j.id}`}>{j.fileName ?? j.id}</Link> – {t(`imports.recent.status.${j.status}`)},{" "}
                {t("imports.recent.rows", { total: j.total })}, {dates.moment(j.createdAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
