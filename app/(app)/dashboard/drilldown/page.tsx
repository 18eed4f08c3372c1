import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import styles from "@/components/dashboard/dashboard.module.css";
import { SourceCitation } from "@/components/sources/source-citation";
import { SortableTable } from "@/components/ui/sortable-table";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { drilldown } from "@/lib/dashboard/drilldown";
import { dashboardParams } from "@/lib/dashboard/query";
import { dashboardLookups } from "@/lib/dashboard/page-data";
import { drilldownSchema, fieldErrorsOf, searchParamsToObject } from "@/lib/validation/dashboard";

export async function generateMetadata() {
  const t = await getTranslations("dashboard.drilldown");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = ["from", "to", "asOf", "recordedOn", "county", "kind", "partyType", "province"];

export default async function DrilldownPage({ searchParams }: Props) {
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
  const raw = searchParamsToObject(await searchParams);
  const backParams = dashboardParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, raw[k]])));
  const back = (
    <p>
      <Link href={`/dashboard${backParams ? `?${backParams}` : ""}`}>← {t("dashboard.drilldown.back")}</Link>
    </p>
  );
  const parsed = drilldownSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return (
      <div className={styles.page}>
        {back}
        <h1>{t("dashboard.drilldown.title")}</h1>
        <div className="alert alert--error" role="alert">
          <p style={{ margin: 0 }}>{t("dashboard.filters.invalid")}</p>
          <ul>
            {Object.entries(errors).map(([field, key]) => (
              <li key={field}>
                {field}: {t(key as never)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }
  const spec = parsed.data;
  const db = await getDb();
  const [result, lookups] = await Promise.all([drilldown(db, user!, spec), dashboardLookups(db)]);
  const dates = dateFormat(await getLocale());
  const formatDate = (d: string) => dates.day(d);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => `/dashboard/drilldown?${dashboardParams(raw, { ...raw, page })}`;

  const proposalKind = (kind: string) =>
    t.has(`review.proposalKind.${kind}`) ? t(`review.proposalKind.${kind}` as "review.proposalKind.event.create") : t("history.otherChange");
  // One citation for the rows that share it: each source is numbered once, in the order the rows first cite it.
  const references = new Map<string, { number: number; source: (typeof result.rows)[number]["sources"][number]["source"] }>();
  for (const r of result.rows) for (const x of r.sources) if (!references.has(x.source.id)) references.set(x.source.id, { number: references.size + 1, source: x.source });

  const criteria: string[] = [];
  const seriesLabel =
    spec.series === "inForce"
      ? result.query.asOf && Number(result.query.asOf.slice(0, 4)) <= Number(spec.year)
        ? t("dashboard.drilldown.series.inForceAsOf", { date: formatDate(result.query.asOf) })
        : t("dashboard.drilldown.series.inForce", { year: String(spec.year) })
      : t(`dashboard.drilldown.series.${spec.series}`);
  if (spec.series !== "inForce" && spec.year !== undefined) criteria.push(spec.year === "unknown" ? t("dashboard.unknownYear") : String(spec.year));
  if (spec.series === "changes" && spec.year === undefined) criteria.push(`${result.query.from}–${result.query.to}`);
  if (spec.change) criteria.push(t(`dashboard.changes.${spec.change}`));
  if (spec.state) criteria.push(t(`dashboard.states.${spec.state}`));
  if (spec.initiator) criteria.push(`${t("agreement.initiatedBy")}: ${t(`initiator.${spec.initiator}`)}`);
  const reason = spec.reason ?? spec.endingReason;
  if (reason) criteria.push(`${t("agreement.reasons")}: ${reason === "none" ? t("dashboard.noReason") : t(`reason.${reason}`)}`);
  if (spec.kind) criteria.push(t(`kind.${spec.kind}`));
  if (spec.partyType) criteria.push(t(`orgKind.${spec.partyType}`));
  if (spec.county) criteria.push(lookups.counties.find((c) => c.code === spec.county)?.name ?? spec.county);
  if (spec.province) criteria.push(lookups.provinces.find((p) => p.id === spec.province)?.name ?? spec.province);
  if (spec.noProvince) criteria.push(t("dashboard.noProvince"));
  if (spec.month) criteria.push(spec.month);
  if (spec.correction) criteria.push(t(spec.correction === "1" ? "dashboard.curation.corrections" : "dashboard.curation.added"));
  if (spec.outcome) criteria.push(spec.outcome === "open" ? t("dashboard.curation.openProposals") : t(`dashboard.curation.${spec.outcome}`));
  if (result.query.asOf && spec.series !== "inForce") criteria.push(t("dashboard.viewing.asOf", { date: formatDate(result.query.asOf) }));
  if (result.query.recordedOn) criteria.push(t("dashboard.viewing.recordedOn", { date: formatDate(result.query.recordedOn) }));

  return (
    <div className={styles.page}>
      {back}
      <h1>{t("dashboard.drilldown.title")}</h1>
      <p>
        <strong>{seriesLabel}</strong>
        {criteria.length > 0 && <> · {criteria.join(" · ")}</>}
      </p>
      <p>
        <span data-testid="drilldown-count">{t("dashboard.drilldown.count", { count: result.total })}</span> ·{" "}
        <a href={`/api/dashboard/drilldown?${dashboardParams(raw, { ...raw, format: "csv", page: undefined })}`} download>
          {t("dashboard.drilldown.csv")}
        </a>
      </p>
      {result.total === 0 ? (
        <p className="muted">{t("dashboard.drilldown.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("dashboard.drilldown.sortHint")}</p>
          <div className="table-wrap">
            <SortableTable
              className={`data ${styles.drillTable}`}
              testId="drilldown"
              rowTestId="drilldown-row"
              initialSort="agreement"
              columns={[
                { id: "agreement", header: t("dashboard.drilldown.agreement"), className: styles.agreementCol },
                { id: "county", header: t("dashboard.filters.county"), className: styles.countyCol },
                { id: "event", header: spec.series === "proposals" ? t("dashboard.drilldown.proposal") : t("dashboard.drilldown.event"), className: styles.eventCol },
                { id: "date", header: t("dashboard.drilldown.date"), className: styles.dateCol },
                { id: "sources", header: t("dashboard.drilldown.sources"), className: styles.sourcesCol },
              ]}
              rows={result.rows.map((r, i) => ({
                key: `${r.agreement?.id}-${r.event?.id}-${r.proposal?.id}-${i}`,
                sort: {
                  agreement: r.agreement ? `${r.agreement.swedishName} – ${r.agreement.foreignName}` : null,
                  county: r.agreement?.countyName ?? null,
                  event: r.event ? t(`status.${r.event.status}`) : r.proposal ? proposalKind(r.proposal.kind) : null,
                  date: r.event ? r.event.effectiveOn : r.proposal ? r.proposal.createdAt : null,
                  sources: r.sources.length ? Math.min(...r.sources.map((x) => references.get(x.source.id)!.number)) : null,
                },
                cells: {
                  agreement: r.agreement ? (
                    <div className={styles.drillRow}>
                      <Link href={`/agreements/${r.agreement.id}`} data-testid="drilldown-agreement">
                        {r.agreement.swedishName} – {r.agreement.foreignName}
                      </Link>
                      {r.agreement.foreignNameNative && <span className="native muted">{r.agreement.foreignNameNative}</span>}
                      <span className="muted">
                        {t(`kind.${r.agreement.kind}`)} · {t(`orgKind.${r.agreement.swedishKind}`)}
                        {r.agreement.provinceName && ` · ${r.agreement.provinceName}`}
                      </span>
                    </div>
                  ) : (
                    <span className="muted">–</span>
                  ),
                  county: r.agreement?.countyName ?? <span className="muted">–</span>,
                  event: r.event ? (
                    <div className={styles.drillEvent}>
                      <StatusBadge status={r.event.status} />
                      {r.event.supersedesId && <div className="muted">{t("agreement.correction", { reason: r.event.correctionReason ?? "" })}</div>}
                      <div className="muted">
                        {t("agreement.initiatedBy")}: {t(`initiator.${r.event.initiatedBy}`)}
                        {r.event.decidedBy && ` · ${t("agreement.decidedBy")}: ${r.event.decidedBy}`}
                      </div>
                      {r.event.reasons.length > 0 && (
                        <div>
                          {t("agreement.reasons")}:{" "}
                          {r.event.reasons.map((x) => (x === "other" && r.event?.reasonOther ? r.event.reasonOther : t(`reason.${x}`))).join("; ")}
                        </div>
                      )}
                      {r.event.note && <p style={{ margin: "0.25rem 0 0" }}>{r.event.note}</p>}
                      <div className="muted" style={{ fontSize: "0.82rem" }}>
                        {t("dashboard.drilldown.recorded", { at: dates.moment(r.event.recordedAt) })}
                      </div>
                    </div>
                  ) : r.proposal ? (
                    <div>
                      {proposalKind(r.proposal.kind)} · {t(`review.proposalStatus.${r.proposal.status}` as "review.proposalStatus.open")}
                      {r.proposal.summary && <p style={{ margin: "0.25rem 0 0" }}>{r.proposal.summary}</p>}
                    </div>
                  ) : (
                    <span className="muted">{t("dashboard.drilldown.noEvent")}</span>
                  ),
                  date: r.event ? (
                    <PartialDateText on={r.event.effectiveOn} precision={r.event.effectivePrecision} />
                  ) : r.proposal ? (
                    <>
                      {dates.momentDay(new Date(r.proposal.createdAt))}
                      {r.proposal.decidedAt && ` → ${dates.momentDay(new Date(r.proposal.decidedAt))}`}
                    </>
                  ) : null,
                  sources:
                    r.sources.length > 0 ? (
                      <ul className={styles.refs}>
                        {r.sources.map((x) => {
                          const n = references.get(x.source.id)!.number;
                          return (
                            <li key={x.source.id} data-testid="drilldown-ref">
                              <a href={`#ref-${n}`} aria-label={t("dashboard.drilldown.reference", { number: n })} title={x.source.citation}>
                                [{n}]
                              </a>
                              {x.page && <span className="muted"> {t("agreement.page", { page: x.page })}</span>}
                              {x.quote && <blockquote>”{x.quote}”</blockquote>}
                            </li>
                          );
                        })}
                      </ul>
                    ) : r.event ? (
                      <span className="muted">{t("dashboard.drilldown.noSources")}</span>
                    ) : null,
                },
              }))}
            />
          </div>
          {references.size > 0 && (
            <section className={styles.section} aria-labelledby="drill-references">
              <h2 id="drill-references">{t("dashboard.drilldown.references")}</h2>
              <p className="muted">{t("dashboard.drilldown.referencesIntro")}</p>
              <ol className={styles.references} data-testid="drilldown-references">
                {[...references.values()].map(({ number, source }) => (
                  <SourceCitation key={source.id} id={`ref-${number}`} source={source} quote={null} page={null} linkToSource />
                ))}
              </ol>
            </section>
          )}
        </>
      )}
      {pages > 1 && (
        <nav className={styles.pager} aria-label={t("dashboard.drilldown.page", { page: result.page, pages })}>
          {result.page > 1 && <Link href={pageHref(result.page - 1)}>← {t("dashboard.drilldown.previous")}</Link>}
          <span>{t("dashboard.drilldown.page", { page: result.page, pages })}</span>
          {result.page < pages && <Link href={pageHref(result.page + 1)}>{t("dashboard.drilldown.next")} →</Link>}
        </nav>
      )}
    </div>
  );
}
