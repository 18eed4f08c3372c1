import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import styles from "@/components/sources/sources.module.css";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/enums";
import { searchSources } from "@/lib/sources/search";

const PAGE_SIZE = 50;

export async function generateMetadata() {
  const t = await getTranslations("sources");
  return { title: t("title") };
}

type Search = { searchParams: Promise<{ q?: string; kind?: string; page?: string }> };

export default async function SourcesPage({ searchParams }: Search) {
  const params = await searchParams;
  const t = await getTranslations();
  const user = await getCurrentUser();
  const q = (params.q ?? "").slice(0, 200);
  const kind = (SOURCE_KINDS as readonly string[]).includes(params.kind ?? "") ? (params.kind as SourceKind) : null;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const { rows, total } = await searchSources(await getDb(), { q, kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number) => `/sources?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <>
      <div className={styles.titleRow}>
        <h1>{t("sources.title")}</h1>
        {can(user ? { ...user, active: true } : null, "source.create") && (
          <Link href="/sources/new" className="btn btn--primary">
            {t("sources.new")}
          </Link>
        )}
      </div>
      <form className={styles.toolbar} role="search" action="/sources">
        <label className={styles.grow}>
          {t("sources.searchLabel")}
          <input type="search" name="q" defaultValue={q} placeholder={t("sources.searchPlaceholder")} />
        </label>
        <label>
          {t("sources.kind")}
          <select name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("sources.kindAll")}</option>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`sourceKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn">
          {t("sources.search")}
        </button>
      </form>
      <p className="muted" role="status">
        {t("sources.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t("sources.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("sources.kind")}</th>
                <th scope="col">{t("sources.reference")}</th>
                <th scope="col">{t("sources.date")}</th>
                <th scope="col">{t("sources.uses")}</th>
                <th scope="col" className="num">
                  {t("sources.files")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <span className="badge badge--kind">{t(`sourceKind.${r.kind}`)}</span>
                  </td>
                  <td>
                    <Link href={`/sources/${r.id}`}>{r.title ?? (r.citation.length > 160 ? `${r.citation.slice(0, 157)}…` : r.citation)}</Link>
                    {r.title && <div className="muted">{r.citation.length > 160 ? `${r.citation.slice(0, 157)}…` : r.citation}</div>}
                  </td>
                  <td>
                    {r.meetingDate ? (
                      <PartialDateText on={r.meetingDate} precision="day" />
                    ) : r.publishedOn ? (
                      <PartialDateText on={r.publishedOn} precision="day" />
                    ) : (
                      <PartialDateText on={r.date} precision={r.datePrecision} />
                    )}
                  </td>
                  <td>{t("sources.usesCount", { agreements: r.agreementCount, events: r.eventCount })}</td>
                  <td className="num">{r.attachmentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className={styles.pager} aria-label={t("sources.page", { page, pages })}>
          {page > 1 && <Link href={link(page - 1)}>← {t("sources.previous")}</Link>}
          <span>{t("sources.page", { page, pages })}</span>
          {page < pages && <Link href={link(page + 1)}>{t("sources.next")} →</Link>}
        </nav>
      )}
    </>
  );
}
