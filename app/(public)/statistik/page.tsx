import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { ReportFiguresTable } from "@/components/dashboard/report-figures";
import styles from "@/components/dashboard/dashboard.module.css";
import { STATE_COLORS, stateTotals } from "@/components/dashboard/view-models";
import { PublicChart } from "@/components/public/public-charts";
import { StaffLink } from "@/components/public/staff-link";
import { publicDashboard, publicDataStamp } from "@/lib/public/pages";
import { DASHBOARD_STATES } from "@/lib/validation/dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publish.statistics");
  return { title: t("title"), description: t("description"), alternates: { canonical: "/statistik" }, openGraph: { title: t("title"), description: t("description"), url: "/statistik" } };
}

const PUBLIC_RULES = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r9"] as const;

export default async function PublicStatisticsPage() {
  const [{ q, data }, stamp, t] = await Promise.all([publicDashboard(), publicDataStamp(), getTranslations()]);
  const totals = stateTotals(data.now);
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  return (
    <div className={styles.page}>
      <div className="page-header">
        <div>
          <h1>{t("publish.statistics.title")}</h1>
          <p className="muted page-header__sub">{t("publish.statistics.intro")}</p>
        </div>
        <div className="page-header__actions">
          <StaffLink href="/dashboard" />
        </div>
      </div>
      <section className={styles.section} aria-labelledby="now">
        <h2 id="now">{t("dashboard.now.titleLatest")}</h2>
        <ul className={styles.stats} style={{ listStyle: "none", padding: 0 }}>
          <li className={styles.stat}>
            <span className={styles.statValue} data-testid="public-total">
              {all}
            </span>
            <span className={styles.statLabel}>{t("dashboard.now.total")}</span>
          </li>
          {DASHBOARD_STATES.filter((s) => totals[s]).map((s) => (
            <li key={s} className={styles.stat}>
              <span className={styles.statValue}>{totals[s]}</span>
              <span className={styles.statLabel}>
                <span className={styles.swatch} style={{ background: STATE_COLORS[s] }} aria-hidden />
                {t(`dashboard.states.${s}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="diagrams">
        <h2 id="diagrams">{t("publish.statistics.diagrams")}</h2>
        <PublicChart chart="in-force" data={data} q={q} stamp={stamp} />
        <PublicChart chart="changes" data={data} q={q} stamp={stamp} />
      </section>
      <ReportFiguresTable report={data.report} drill={false} />
      <section className={`${styles.section} card`} aria-labelledby="rules" data-testid="counting-rules">
        <h2 id="rules">{t("dashboard.rules.title")}</h2>
        <ol className={styles.rules}>
          {PUBLIC_RULES.map((r) => (
            <li key={r}>{t(`dashboard.rules.${r}`)}</li>
          ))}
        </ol>
        <p className="muted">
          {t("publish.statistics.dataLink")} <Link href="/data">{t("publish.nav.data")}</Link>
        </p>
      </section>
    </div>
  );
}
