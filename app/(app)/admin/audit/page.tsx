import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin.module.css";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { listAuditLog } from "@/lib/auth/audit-list";
import { requirePagePermission } from "@/lib/auth/page";
import { auditFilterSchema } from "@/lib/validation/auth";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePagePermission("audit.read");
  const t = await getTranslations("audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditFilterSchema.safeParse(raw);
  const page = await listAuditLog({ ctx, input: parsed.success ? parsed.data : {} });
  const { before: _before, limit: _limit, ...kept } = page.filter;
  const query = (extra: Record<string, string | number>) =>
    `/admin/audit?${new URLSearchParams(Object.entries({ ...kept, ...extra }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {!parsed.success && (
        <div role="alert" className="alert alert--error" style={{ marginBottom: "1rem" }}>
          {t("invalidFilter")}
        </div>
      )}
      <AuditFilters values={parsed.success ? raw : {}} />
      <p className="muted" aria-live="polite">
        {t("showing", { count: page.rows.length })}
      </p>
      <AuditTable rows={page.rows} />
      <nav className={styles.pager} aria-label={t("title")}>
        {page.filter.before && <Link href={query({})}>{t("newest")}</Link>}
        {page.nextBefore && <Link href={query({ before: page.nextBefore })}>{t("older")} →</Link>}
      </nav>
    </>
  );
}
