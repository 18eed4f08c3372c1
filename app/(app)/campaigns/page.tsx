import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import styles from "@/components/campaigns/campaigns.module.css";
import { requirePagePermission } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listCampaigns } from "@/lib/campaigns";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("title") };
}

/** Every check-in campaign, newest first, with its response rate. Staff only. */
export default async function CampaignsPage() {
  const ctx = await requirePagePermission("campaign.read");
  const t = await getTranslations("campaigns");
  const dates = dateFormat(await getLocale());
  const rows = await listCampaigns({ ctx });
  const mayStart = can({ ...ctx.user, active: true }, "campaign.start");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("title")}</h1>
          <p className={`page-header__sub muted ${styles.intro}`}>{t("intro")}</p>
        </div>
        {mayStart && (
          <div className="page-header__actions">
            <Link href="/campaigns/new" className="btn btn--primary">
              {t("new")}
            </Link>
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="card muted">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label={t("title")}>
            <thead>
              <tr>
                <th scope="col">{t("columns.title")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.started")}</th>
                <th scope="col" className="num">
                  {t("columns.organizations")}
                </th>
                <th scope="col">{t("columns.answered")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid="campaign-row">
                  <td>
                    <Link href={`/campaigns/${c.id}`}>{c.title}</Link>
                  </td>
                  <td>
                    <span className={`badge ${c.status === "open" ? "badge--active" : "badge--dormant"}`}>{t(`state.${c.status}`)}</span>
                  </td>
                  <td>
                    <time dateTime={c.startedAt.toISOString()}>{dates.momentDay(c.startedAt)}</time>
                    <div className="muted">{c.startedByName}</div>
                  </td>
                  <td className="num">{c.total}</td>
                  <td className={styles.nowrap}>
                    {t("detail.responseRate", { answered: c.answered, total: c.total })}
                    {c.total > 0 && <span className="muted"> ({t("detail.ratePercent", { rate: c.answered / c.total })})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
