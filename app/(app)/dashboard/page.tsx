import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { ChartCard } from "@/components/dashboard/chart-card";
import styles from "@/components/dashboard/dashboard.module.css";
import { FiltersForm } from "@/components/dashboard/filters-form";
import { ReportFiguresTable } from "@/components/dashboard/report-figures";
import { curationViews, changesViews, inForceViews, nowViews, STATE_COLORS, stateTotals, type Translate } from "@/components/dashboard/view-models";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { unconfirmedCount } from "@/lib/confirmations/stats";
import { dashboardLookups, loadDashboard } from "@/lib/dashboard/page-data";
import { recordStart } from "@/lib/dashboard/record-start";
import { dashboardParams, resolveQuery } from "@/lib/dashboard/query";
import { DASHBOARD_STATES, dashboardQuerySchema, fieldErrorsOf, searchParamsToObject } from "@/lib/validation/dashboard";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const t = await getTranslations();
  const user = await getCurrentUser();
  if (!can(user && { ...user, active: true }, "dashboard.read")) {
    return (
      <>
        <h1>{t("errors.forbiddenTitle")}</h1>
        <p>{t("errors.forbidden")}</p>
      </>
    );
  }
  const db = await getDb();
  const raw = searchParamsToObject(await searchParams);
  const parsed = dashboardQuerySchema.safeParse(raw);
  if (!parsed.success) {
    return (
      <div className={styles.page}>
        <h1>{t("dashboard.title")}</h1>
        <p className="alert alert--error" role="alert">
          {t("dashboard.filters.invalid")}
        </p>
        <FiltersForm values={raw} errors={fieldErrorsOf(parsed.error)} lookups={await dashboardLookups(db)} action="/dashboard" />
      </div>
    );
  }
  const input = parsed.data;
  const q = resolveQuery(input);
  const [data, unconfirmed, start] = await Promise.all([loadDashboard(db, q), unconfirmedCount(db), recordStart(db)]);
  const dates = dateFormat(await getLocale());
  const tr = t as unknown as Translate;
  const formatDate = (d: string) => dates.day(d);

  const filterInput = { ...input, from: q.from, to: q.to };
  const base = (series: string) => `/dashboard/drilldown?${dashboardParams(filterInput, { series })}`;
  const csv = (series: string, extra: Record<string, string> = {}) => `/api/dashboard/${series}?${dashboardParams(filterInput, { format: "csv", ...extra })}`;
  const now = nowViews(data.now, data.lookups, tr);
  const totals = stateTotals(data.now);
  const allAgreements = Object.values(totals).reduce((a, b) => a + b, 0);
  const curation = curationViews(data.curation, tr);
  const c = data.curation;
  const sourcedPct = c.liveEvents ? Math.round((100 * c.sourcedEvents) / c.liveEvents) : 0;

  const selection = [
    input.kind && t(`kind.${input.kind}`),
    input.partyType && t(`orgKind.${input.partyType}`),
    input.county && data.lookups.counties.find((x) => x.code === input.county)?.name,
    input.province && data.lookups.provinces.find((x) => x.id === input.province)?.name,
  ].filter(Boolean);

  return (
    <div className={styles.page}>
      <h1>{t("dashboard.title")}</h1>
      <p className="muted">{t("dashboard.intro")}</p>
      <FiltersForm values={raw} errors={{}} lookups={data.lookups} action="/dashboard" placeholders={{ from: String(q.from), to: String(q.to) }} />
      <div className={`alert alert--info ${styles.timeTravel}`} data-testid="time-travel">
        {q.asOf ? t("dashboard.viewing.asOf", { date: formatDate(q.asOf) }) : t("dashboard.viewing.latest")}{" "}
        {q.recordedOn && t("dashboard.viewing.recordedOn", { date: formatDate(q.recordedOn) })}{" "}
        {selection.length > 0 && t("dashboard.viewing.filtered", { filters: selection.join(", ") })}
        {q.recordedOn && start.day && q.recordedOn < start.day && (
          <p data-testid="before-record">
            {t(start.dataset ? "dashboard.viewing.beforeRecordDataset" : "dashboard.viewing.beforeRecord", { date: formatDate(start.day) })}
          </p>
        )}
      </div>

      <section className={styles.section} aria-labelledby="diagrams">
        <h2 id="diagrams" className="visually-hidden">
          {t("dashboard.inForce.title")}
        </h2>
        <ChartCard
          id="in-force"
          title={t("dashboard.inForce.title")}
          description={t("dashboard.inForce.description")}
          drillBase={base("inForce")}
          csvHref={csv("in-force")}
          views={inForceViews(data.inForce, q, tr)}
          categoryLabel={t("dashboard.inForce.year")}
          viewsLabel={t("dashboard.chart.splitBy")}
        />
        <ChartCard
          id="changes"
          title={t("dashboard.changesChart.title")}
          description={t("dashboard.changesChart.description")}
          drillBase={`${base("changes")}`}
          csvHref={csv("changes")}
          views={changesViews(data.changes, q, tr)}
          categoryLabel={t("dashboard.changesChart.year")}
          viewsLabel={t("dashboard.chart.splitBy")}
        />
      </section>

      <ReportFiguresTable report={data.report} followsPage={!q.asOf && !q.recordedOn && selection.length === 0} />

      <section className={styles.section} aria-labelledby="now">
        <h2 id="now">{q.asOf ? t("dashboard.now.titleAsOf", { date: formatDate(q.asOf) }) : t("dashboard.now.titleLatest")}</h2>
        <h3 className="visually-hidden">{t("dashboard.now.byState")}</h3>
        <ul className={styles.stats} aria-label={t("dashboard.now.byState")} style={{ listStyle: "none", padding: 0 }}>
          <li className={styles.stat}>
            <Link href={`/dashboard/drilldown?${dashboardParams(filterInput, { series: "now" })}`} data-testid="now-total">
              <span className={styles.statValue}>{allAgreements}</span>
              <span className={styles.statLabel}>{t("dashboard.now.total")}</span>
            </Link>
          </li>
          {DASHBOARD_STATES.filter((s) => totals[s]).map((s) => (
            <li key={s} className={styles.stat}>
              <Link href={`/dashboard/drilldown?${dashboardParams(filterInput, { series: "now", state: s })}`} data-testid={`now-${s}`}>
                <span className={styles.statValue}>{totals[s]}</span>
                <span className={styles.statLabel}>
                  <span className={styles.swatch} style={{ background: STATE_COLORS[s] }} aria-hidden />
                  {t(`dashboard.states.${s}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="grid-2" style={{ marginTop: "1rem" }}>
          <ChartCard id="now-kind" title={t("dashboard.now.byKind")} drillBase={base("now")} csvHref={csv("now")} views={[now.kind]} categoryLabel={t("dashboard.now.category")} horizontal />
          <ChartCard
            id="now-party"
            title={t("dashboard.now.byPartyType")}
            drillBase={base("now")}
            csvHref={csv("now")}
            views={[now.partyType]}
            categoryLabel={t("dashboard.now.category")}
            horizontal
          />
        </div>
        <ChartCard
          id="now-county"
          title={t("dashboard.now.byCounty")}
          description={t("dashboard.now.byCountyDescription")}
          drillBase={base("now")}
          csvHref={csv("now")}
          views={[now.county]}
          categoryLabel={t("dashboard.filters.county")}
          horizontal
        />
        <ChartCard
          id="now-province"
          title={t("dashboard.now.byProvince")}
          description={t("dashboard.now.byProvinceDescription")}
          drillBase={base("now")}
          csvHref={csv("now")}
          views={[now.province]}
          categoryLabel={t("dashboard.filters.province")}
          horizontal
        />
        <ChartCard
          id="now-reasons"
          title={t("dashboard.now.endingReasons")}
          description={t("dashboard.now.endingReasonsDescription")}
          drillBase={base("now")}
          csvHref={csv("now")}
          views={[{ ...now.endingReason, additive: true }]}
          categoryLabel={t("dashboard.now.category")}
          horizontal
        />
      </section>

      <section className={styles.section} aria-labelledby="curation">
        <h2 id="curation">{t("dashboard.curation.title")}</h2>
        <ul className={styles.stats} style={{ listStyle: "none", padding: 0 }}>
          <li className={styles.stat}>
            <span className={styles.statValue}>{sourcedPct} %</span>
            <span className={styles.statLabel}>
              {t("dashboard.curation.sourcedShare")} ({t("dashboard.curation.sourcedOf", { sourced: c.sourcedEvents, live: c.liveEvents })})
            </span>
          </li>
          <li className={styles.stat}>
            <Link href={`/dashboard/drilldown?${dashboardParams(filterInput, { series: "unsourcedEvents" })}`}>
              <span className={styles.statValue}>{c.liveEvents - c.sourcedEvents}</span>
              <span className={styles.statLabel}>{t("dashboard.curation.unsourcedEvents")}</span>
            </Link>
          </li>
          <li className={styles.stat}>
            <Link href={`/dashboard/drilldown?${dashboardParams(filterInput, { series: "unsourcedAgreements" })}`}>
              <span className={styles.statValue}>{c.agreementsWithoutSource}</span>
              <span className={styles.statLabel}>{t("dashboard.curation.agreementsWithoutSource")}</span>
            </Link>
          </li>
          <li className={styles.stat}>
            <Link href="/agreements?status=none" data-testid="statusless-agreements">
              <span className={styles.statValue}>{c.agreementsWithoutStatus}</span>
              <span className={styles.statLabel}>{t("dashboard.curation.agreementsWithoutStatus")}</span>
            </Link>
          </li>
          <li className={styles.stat}>
            <Link href="/agreements?unconfirmed=1" data-testid="unconfirmed-agreements">
              <span className={styles.statValue}>{unconfirmed}</span>
              <span className={styles.statLabel}>{t("confirm.dashboardStat")}</span>
            </Link>
          </li>
          <li className={styles.stat}>
            <Link href={`/dashboard/drilldown?${dashboardParams(filterInput, { series: "proposals", outcome: "open" })}`}>
              <span className={styles.statValue}>{c.proposals.open}</span>
              <span className={styles.statLabel}>{t("dashboard.curation.openProposals")}</span>
            </Link>
          </li>
          <li className={styles.stat}>
            <span className={styles.statValue}>
              {c.proposals.medianDaysToReview === null ? "–" : t("dashboard.curation.days", { days: c.proposals.medianDaysToReview })}
            </span>
            <span className={styles.statLabel}>
              {t("dashboard.curation.medianReview")}
              {c.proposals.meanDaysToReview !== null && ` (${t("dashboard.curation.meanReview").toLowerCase()}: ${t("dashboard.curation.days", { days: c.proposals.meanDaysToReview })})`}
            </span>
          </li>
        </ul>
        <ChartCard
          id="events-recorded"
          title={t("dashboard.curation.eventsPerMonth")}
          description={t("dashboard.curation.eventsPerMonthDescription")}
          drillBase={base("eventsRecorded")}
          csvHref={csv("curation", { part: "events" })}
          views={[curation.events]}
          categoryLabel={t("dashboard.curation.month")}
          height={260}
        />
        <ChartCard
          id="proposals"
          title={t("dashboard.curation.proposalsPerMonth")}
          drillBase={base("proposals")}
          csvHref={csv("curation", { part: "proposals" })}
          views={[curation.proposals]}
          categoryLabel={t("dashboard.curation.month")}
          height={260}
        />
      </section>

      <section className={`${styles.section} card`} aria-labelledby="rules" data-testid="counting-rules">
        <h2 id="rules">{t("dashboard.rules.title")}</h2>
        <ol className={styles.rules}>
          {(["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"] as const).map((r) => (
            <li key={r}>{t(`dashboard.rules.${r}`)}</li>
          ))}
        </ol>
        <p className="muted">{t("dashboard.rules.api")}</p>
      </section>
    </div>
  );
}
