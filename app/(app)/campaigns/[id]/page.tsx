import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import styles from "@/components/campaigns/campaigns.module.css";
import { CloseCampaignButton } from "@/components/campaigns/close-button";
import { requirePagePermission } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { CAMPAIGN_ORG_STATUSES, getCampaign, listCounties } from "@/lib/campaigns";
import type { Selection } from "@/lib/validation/campaigns";
import { closeCampaignAction } from "../actions";

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  // The page itself checks the permission; the title does not need the campaign's.
  return { title: (await getTranslations("campaigns"))("title") };
}

/** One campaign: its message, the response rate, and where each organisation stands. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const ctx = await requirePagePermission("campaign.read");
  const { id } = await params;
  const detail = await getCampaign({ ctx, input: { id } });
  if (!detail) notFound();
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  const { campaign, organizations, summary } = detail;
  const open = campaign.status === "open";
  const mayClose = open && can({ ...ctx.user, active: true }, "campaign.close");
  const started = /^(\d+)-(\d+)$/.exec(String((await searchParams).started ?? ""));
  const selection = campaign.selection as Partial<Selection>;
  const countyName = selection.countyCode ? (await listCounties(ctx.db)).find((c) => c.code === selection.countyCode)?.name : null;
  const date = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{dates.momentDay(d)}</time> : t("campaigns.detail.none"));

  return (
    <>
      <p>
        <Link href="/campaigns">← {t("campaigns.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {campaign.title}{" "}
            <span className={`badge ${open ? "badge--active" : "badge--dormant"}`}>{t(`campaigns.state.${campaign.status}`)}</span>
          </h1>
          <p className="page-header__sub muted">
            {t("campaigns.detail.startedBy", { at: dates.moment(campaign.startedAt), name: campaign.startedByName })}
            {campaign.closedAt && (
              <>
                {" · "}
                {t("campaigns.detail.closedBy", { at: dates.moment(campaign.closedAt), name: campaign.closedByName ?? "" })}
              </>
            )}
            {" · "}
            {t("campaigns.detail.reminders", { days: campaign.reminderAfterDays })}
          </p>
        </div>
        {mayClose && (
          <div className="page-header__actions">
            <CloseCampaignButton campaignId={campaign.id} close={closeCampaignAction} />
          </div>
        )}
      </div>
      {started && (
        <p role="status" className="alert alert--success">
          {t("campaigns.form.started", { messages: Number(started[1]), organizations: Number(started[2]) })}
        </p>
      )}
      {!open && <p className="alert alert--info">{t("campaigns.detail.closedNote")}</p>}

      <section className={`card ${styles.summary}`} aria-label={t("campaigns.columns.answered")}>
        <div>
          <p className={styles.rate} data-testid="response-rate">
            {t("campaigns.detail.responseRate", { answered: summary.answered, total: summary.total })}
          </p>
          <p className="muted" style={{ margin: 0 }}>
            {t("campaigns.detail.ratePercent", { rate: summary.rate })}
          </p>
        </div>
        <div className={styles.meter} role="presentation">
          <div className={styles.meterFill} style={{ width: `${Math.round(summary.rate * 100)}%` }} />
        </div>
        <ul className={styles.counts} aria-label={t("campaigns.detail.status")}>
          {CAMPAIGN_ORG_STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => (
            <li key={s}>
              <span className={`badge ${styles[`status-${s}`]}`}>
                {t(`campaigns.orgStatus.${s}`)}: {summary.byStatus[s]}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <div className={styles.details} style={{ marginTop: "1rem" }}>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("campaigns.detail.message")}</h2>
          <p className={styles.message} lang="sv">
            {campaign.messageSv}
          </p>
          {campaign.messageEn && (
            <>
              <h3>{t("campaigns.detail.messageEn")}</h3>
              <p className={styles.message} lang="en">
                {campaign.messageEn}
              </p>
            </>
          )}
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("campaigns.detail.selection")}</h2>
          <ul>
            {selection.kinds && <li>{t("campaigns.detail.selectionKinds", { kinds: selection.kinds.map((k) => t(`orgKind.${k}`)).join(", ") })}</li>}
            <li>{t("campaigns.detail.selectionCounty", { county: countyName ?? t("campaigns.form.allCounties") })}</li>
            {selection.withAgreementsOnly && <li>{t("campaigns.detail.selectionWithAgreements")}</li>}
            {selection.notConfirmedSince && <li>{t("campaigns.detail.selectionNotConfirmedSince", { date: selection.notConfirmedSince })}</li>}
          </ul>
        </section>
      </div>

      <h2>{t("campaigns.detail.organizations")}</h2>
      <div className="table-wrap">
        <table className="data" aria-label={t("campaigns.detail.organizations")}>
          <thead>
            <tr>
              <th scope="col">{t("campaigns.detail.organization")}</th>
              <th scope="col">{t("campaigns.detail.status")}</th>
              <th scope="col" className="num">
                {t("campaigns.detail.recipients")}
              </th>
              <th scope="col">{t("campaigns.detail.messages")}</th>
              <th scope="col">{t("campaigns.detail.lastContacted")}</th>
              <th scope="col" className="num">
                {t("campaigns.detail.reminderCount")}
              </th>
              <th scope="col">{t("campaigns.detail.answeredAt")}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.organizationId} data-testid="campaign-organization">
                <td>
                  <Link href={`/organizations/${o.organizationId}`}>{o.name}</Link>
                  <div className="muted">{t(`orgKind.${o.kind as "kommun"}`)}</div>
                </td>
                <td>
                  <span className={`badge ${styles[`status-${o.status}`]}`} data-testid="campaign-org-status">
                    {t(`campaigns.orgStatus.${o.status}`)}
                  </span>
                </td>
                <td className="num">
                  {o.recipients}
                  {o.invited > 0 && <div className="muted">{t("campaigns.orgStatus.invited")}</div>}
                </td>
                <td className={styles.nowrap}>
                  {o.messages.total > 0 ? t("campaigns.detail.messagesCount", { sent: o.messages.sent, total: o.messages.total }) : t("campaigns.detail.none")}
                  {o.messages.failed > 0 && <div className="field-error">{t("campaigns.detail.messagesFailed", { count: o.messages.failed })}</div>}
                </td>
                <td className={styles.nowrap}>{date(o.lastContactedAt)}</td>
                <td className="num">{o.reminders}</td>
                <td className={styles.nowrap}>{date(o.answeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
