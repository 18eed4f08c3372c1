import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { RelatedAgreements } from "@/components/agreements/related-agreements";
import { RevisionHistory } from "@/components/agreements/revision-history";
import { StatusBadge } from "@/components/agreements/status-badge";
import { AgreementEvidence } from "@/components/events/agreement-evidence";
import { SourceCitation } from "@/components/sources/source-citation";
import styles from "@/components/agreements/agreement-page.module.css";
import { PublicLink } from "@/components/public/staff-link";
import { publicAgreementPath } from "@/lib/public/slug";
import { getDb } from "@/db/app-db";
import { getAgreement } from "@/lib/agreements/get";
import { agreementRevisions } from "@/lib/agreements/history";
import { relatedAgreements } from "@/lib/agreements/related";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getAgreementEvidence } from "@/lib/events/agreement-evidence";
import { AgreementCheckIn } from "@/components/officials/agreement-check-in";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return getAgreement(await getDb(), id);
}

export async function generateMetadata({ params }: Params) {
  const a = await load((await params).id);
  return { title: a ? `${a.swedish.name} – ${a.foreign.name}` : "404" };
}

export default async function AgreementPage({ params, searchParams }: Params) {
  const a = await load((await params).id);
  if (!a) notFound();
  const { notice } = await searchParams;
  const db = await getDb();
  const [t, user, related, revisions, evidence] = await Promise.all([
    getTranslations(),
    getCurrentUser(),
    relatedAgreements(db, a.agreement),
    agreementRevisions(db, a.agreement.id),
    getAgreementEvidence(db, a.agreement.id),
  ]);
  const { agreement, swedish, foreign } = a;
  const actor = user ? { ...user, active: true } : null;
  const mayEdit = can(actor, "agreement.update", { organizationId: swedish.id });
  const mayPropose = can(actor, "proposal.create", { organizationId: swedish.id });
  const mayConfirm = can(actor, "confirmation.create", { organizationId: swedish.id }) && !!a.current;
  const notices: Record<string, string> = {
    created: t("registry.agreement.created"),
    saved: t("registry.agreement.saved"),
    unchanged: t("registry.agreement.unchanged"),
  };
  return (
    <>
      <p className="breadcrumb">
        <Link href="/agreements">← {t("agreement.back")}</Link>
      </p>
      {notice && notices[notice] && (
        <div className="alert alert--success" role="status" style={{ marginBottom: "1rem" }}>
          {notices[notice]}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>
            {swedish.name} – {foreign.name}{" "}
            {foreign.nameNative && (
              <span className="native" lang="zh">
                {foreign.nameNative}
              </span>
            )}
          </h1>
          <p className={`page-header__sub ${styles.badges}`}>
            <span className="badge badge--kind">{t(`kind.${agreement.kind}`)}</span>
            <StatusBadge status={a.current?.event.status ?? null} />
            <span className="muted">{t("registry.agreement.version", { version: agreement.version })}</span>
          </p>
        </div>
        <div className="page-header__actions">
          {mayEdit && (
            <Link className="btn btn--primary" href={`/agreements/${agreement.id}/edit`}>
              {t("registry.agreement.edit")}
            </Link>
          )}
          {mayPropose && (
            <Link className={mayEdit ? "btn" : "btn btn--primary"} href={`/agreements/${agreement.id}/propose`}>
              {t("review.propose.title")}
            </Link>
          )}
          {mayConfirm && (
            <Link className="btn" href={`/agreements/${agreement.id}/confirm`}>
              {t("confirm.link")}
            </Link>
          )}
          <Link className="btn" href={`/history/agreement/${agreement.id}`}>
            {t("history.link")}
          </Link>
          <PublicLink href={publicAgreementPath({ id: agreement.id, kind: agreement.kind, swedishName: swedish.name, foreignName: foreign.name })} />
        </div>
      </div>

      {!a.current && (
        <div className="alert alert--warning" role="status" data-testid="agreement-incomplete" style={{ marginBottom: "1rem" }}>
          {t("registry.agreement.incomplete", { none: t("registry.filters.none") })}{" "}
          {can(actor, "event.create") && (
            <Link href={`/agreements/${agreement.id}/events/new`}>{t("registry.agreement.recordFirstStatus")}</Link>
          )}
        </div>
      )}
      <AgreementCheckIn agreementId={agreement.id} />
      <div className="grid-2">
        <section className="card" aria-labelledby="parties">
          <h2 id="parties" className={styles.cardTitle}>
            {t("agreement.parties")}
          </h2>
          <dl className="facts">
            <dt>{t(`orgKind.${swedish.kind}`)}</dt>
            <dd>
              <Link href={`/organizations/${swedish.id}`}>{swedish.name}</Link>{" "}
              <span className="muted">
                ({swedish.officialCode}
                {a.countyName ? `, ${a.countyName}` : ""})
              </span>
            </dd>
            <dt>{foreign.level ? t(`foreignLevel.${foreign.level}`) : t("orgKind.foreign")}</dt>
            <dd>
              <Link href={`/organizations/${foreign.id}`}>{foreign.name}</Link>{" "}
              {foreign.nameNative && (
                <span className="native" lang="zh">
                  {foreign.nameNative}
                </span>
              )}
              {a.foreignParents.length > 0 && (
                <span className="muted">
                  {" "}
                  —{" "}
                  {a.foreignParents.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ", "}
                      <Link href={`/organizations/${p.id}`}>{p.name}</Link>{" "}
                      {p.nameNative && (
                        <span className="native" lang="zh">
                          {p.nameNative}
                        </span>
                      )}
                    </span>
                  ))}
                </span>
              )}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="details">
          <h2 id="details" className={styles.cardTitle}>
            {t("agreement.details")}
          </h2>
          <dl className="facts">
            <dt>{t("registry.fields.kind")}</dt>
            <dd>{t(`kind.${agreement.kind}`)}</dd>
            <dt>{t("registry.fields.designation")}</dt>
            <dd>{agreement.designation ?? "–"}</dd>
            <dt>{t("registry.fields.established")}</dt>
            <dd>
              <PartialDateText on={agreement.establishedOn} precision={agreement.establishedPrecision} />
            </dd>
            <dt>{t("registry.fields.funding")}</dt>
            <dd>{agreement.funding ?? "–"}</dd>
            <dt>{t("registry.fields.areas")}</dt>
            <dd>{agreement.areas.length > 0 ? agreement.areas.join(", ") : "–"}</dd>
          </dl>
          {agreement.notes && (
            <>
              <h3 className={styles.notesTitle}>{t("registry.fields.notes")}</h3>
              <p className={styles.notes}>{agreement.notes}</p>
            </>
          )}
        </section>
      </div>
      <AgreementEvidence
        agreementId={agreement.id}
        title={`${swedish.name} – ${foreign.name}`}
        kind={agreement.kind}
        evidence={evidence}
        agreementSources={a.sources}
        user={user}
      />
      {a.sources.length > 0 && (
        <section aria-labelledby="agreement-sources">
          <h2 id="agreement-sources">{t("agreement.agreementSources")}</h2>
          <div className="card">
            <ul className="sources">
              {a.sources.map((s) => (
                <SourceCitation key={s.source.id} {...s} />
              ))}
            </ul>
          </div>
        </section>
      )}

      <section aria-labelledby="related">
        <h2 id="related">{t("registry.agreement.related")}</h2>
        <div className="card grid-2">
          <RelatedAgreements title={t("registry.agreement.sameSwedish", { name: swedish.name })} rows={related.sameSwedish} side="swedish" />
          <RelatedAgreements title={t("registry.agreement.sameForeign", { name: foreign.name })} rows={related.sameForeign} side="foreign" />
        </div>
      </section>

      <section aria-labelledby="revisions">
        <h2 id="revisions">{t("registry.agreement.revisions")}</h2>
        <div className="card">
          <p className="muted">{t("registry.agreement.revisionsIntro")}</p>
          <RevisionHistory revisions={revisions} />
        </div>
      </section>
    </>
  );
}
