import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { LifeTimelineView } from "@/components/events/life-timeline-view";
import { PublicSourceItem } from "@/components/public/public-source";
import { StaffLink } from "@/components/public/staff-link";
import styles from "@/components/public/public.module.css";
import { publicAgreement } from "@/lib/public/pages";
import { publicOrganisationPath } from "@/lib/public/slug";
import { todayIso } from "@/lib/validation/partial-date-input";
import { citationLabels } from "@/lib/citations/labels";
import { citationTexts } from "@/lib/citations/records";
import { publicOrigin } from "@/lib/public/origin";
import { CopyCitation } from "@/components/events/copy-citation";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const a = await publicAgreement(slug);
  const t = await getTranslations();
  if (!a) return { title: t("publish.notFound") };
  const title = `${a.swedish.name} – ${a.foreign.name}`;
  const description = t("publish.agreement.description", { swedish: a.swedish.name, foreign: a.foreign.name, kind: t(`kind.${a.kind}`).toLowerCase() });
  return { title, description, alternates: { canonical: `/avtal/${a.slug}` }, openGraph: { title, description, type: "article", url: `/avtal/${a.slug}` } };
}

export default async function PublicAgreementPage({ params }: Params) {
  const { slug } = await params;
  const a = await publicAgreement(slug);
  if (!a) notFound();
  if (a.slug !== slug) permanentRedirect(`/avtal/${a.slug}`);
  const t = await getTranslations();
  const citeLabels = citationLabels(t, await getLocale());
  const citedUses = [...a.sources, ...a.events.flatMap((e) => e.sources)].flatMap((u) => (u.source.visibility === "public" ? [{ ...u, source: u.source }] : []));
  const citeRecord = {
    kind: "agreement" as const,
    id: a.id,
    title: `${a.swedish.name} – ${a.foreign.name} (${t(`kind.${a.kind}`).toLowerCase()})`,
    url: `${await publicOrigin()}/avtal/${a.slug}`,
    accessed: todayIso(),
    uses: citedUses,
  };
  const live = [...a.events].reverse().map((e) => ({ id: e.id, status: e.status, effectiveOn: e.effectiveOn, effectivePrecision: e.effectivePrecision }));
  return (
    <>
      <p className="breadcrumb">
        <Link href="/avtal">← {t("publish.register.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {a.swedish.name} – {a.foreign.name}{" "}
            {a.foreign.nameNative && (
              <span className="native" lang="zh">
                {a.foreign.nameNative}
              </span>
            )}
          </h1>
          <p className="page-header__sub">
            <span className="badge badge--kind">{t(`kind.${a.kind}`)}</span> <StatusBadge status={a.status} />
          </p>
        </div>
        <div className="page-header__actions">
          <StaffLink href={`/agreements/${a.id}`} />
        </div>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="parties">
          <h2 id="parties">{t("agreement.parties")}</h2>
          <dl className="facts">
            <dt>{t(`orgKind.${a.swedish.kind}`)}</dt>
            <dd>
              <Link href={publicOrganisationPath(a.swedish)}>{a.swedish.name}</Link>{" "}
              <span className="muted">
                ({a.swedish.officialCode}
                {a.countyName ? `, ${a.countyName}` : ""})
              </span>
            </dd>
            <dt>{a.foreign.level ? t(`foreignLevel.${a.foreign.level}`) : t("orgKind.foreign")}</dt>
            <dd>
              <Link href={publicOrganisationPath(a.foreign)}>{a.foreign.name}</Link>{" "}
              {a.foreign.nameNative && (
                <span className="native" lang="zh">
                  {a.foreign.nameNative}
                </span>
              )}
              {a.foreignParents.map((p) => (
                <span key={p.id} className="muted">
                  {" "}
                  — <Link href={publicOrganisationPath(p)}>{p.name}</Link>
                </span>
              ))}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="details">
          <h2 id="details">{t("agreement.details")}</h2>
          <dl className="facts">
            <dt>{t("registry.fields.designation")}</dt>
            <dd>{a.designation ?? "–"}</dd>
            <dt>{t("registry.fields.established")}</dt>
            <dd>
              <PartialDateText on={a.establishedOn} precision={a.establishedPrecision} />
            </dd>
            <dt>{t("registry.fields.funding")}</dt>
            <dd>{a.funding ?? "–"}</dd>
            <dt>{t("registry.fields.areas")}</dt>
            <dd>{a.areas.length > 0 ? a.areas.join(", ") : "–"}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="lifeline">
        <h2 id="lifeline">{t("publish.agreement.lifeline")}</h2>
        <div className="card">
          <LifeTimelineView live={live} claims={[]} today={todayIso()} />
        </div>
      </section>

      <section aria-labelledby="events">
        <h2 id="events">{t("agreement.history")}</h2>
        <div className="card">
          {a.events.length === 0 ? (
            <p className="muted">{t("agreement.historyEmpty")}</p>
          ) : (
            <ol className={styles.events} data-testid="public-events">
              {a.events.map((e) => (
                <li key={e.id} id={`event-${e.id}`} className={styles.event}>
                  <StatusBadge status={e.status} /> <PartialDateText on={e.effectiveOn} precision={e.effectivePrecision} />
                  {e.isCorrection && <span className="muted"> ({t("publish.agreement.corrected")})</span>}
                  {e.reasons.length > 0 && (
                    <div>
                      {t("agreement.reasons")}: {e.reasons.map((r) => (r === "other" && e.reasonOther ? e.reasonOther : t(`reason.${r}`))).join("; ")}
                    </div>
                  )}
                  {e.decidedBy && (
                    <div>
                      {t("agreement.decidedBy")}: {e.decidedBy}
                    </div>
                  )}
                  {e.initiatedBy !== "unknown" && (
                    <div>
                      {t("agreement.initiatedBy")}: {t(`initiator.${e.initiatedBy}`)}
                    </div>
                  )}
                  {e.sources.length > 0 ? (
                    <ul className={styles.sources} aria-label={t("agreement.sources")}>
                      {e.sources.map((u) => (
                        <PublicSourceItem key={u.source.id} use={u} />
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("agreement.noSources")}</p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>

      {a.sources.length > 0 && (
        <section aria-labelledby="agreement-sources">
          <h2 id="agreement-sources">{t("agreement.agreementSources")}</h2>
          <div className="card">
            <ul className={styles.sources}>
              {a.sources.map((u) => (
                <PublicSourceItem key={u.source.id} use={u} />
              ))}
            </ul>
          </div>
        </section>
      )}
      <section aria-labelledby="cite">
        <h2 id="cite">{t("publish.agreement.cite")}</h2>
        <div className="card">
          <CopyCitation label={t("citation.agreement")} texts={citationTexts(citeRecord, citeLabels)} />
          <p className="muted">
            {t("publish.agreement.citeData")} <Link href="/data">{t("publish.nav.data")}</Link>
          </p>
        </div>
      </section>
    </>
  );
}
