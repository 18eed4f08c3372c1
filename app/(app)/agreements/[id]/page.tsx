import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { AgreementEvidence } from "@/components/events/agreement-evidence";
import { SourceCitation } from "@/components/sources/source-citation";
import { getDb } from "@/db/app-db";
import { getAgreement } from "@/lib/agreements/get";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getAgreementEvidence } from "@/lib/events/agreement-evidence";

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  if (!z.string().uuid().safeParse(id).success) return null;
  return getAgreement(await getDb(), id);
}

export async function generateMetadata({ params }: Params) {
  const a = await load((await params).id);
  return { title: a ? `${a.swedish.name} – ${a.foreign.name}` : "404" };
}

export default async function AgreementPage({ params }: Params) {
  const a = await load((await params).id);
  if (!a) notFound();
  const t = await getTranslations();
  const { agreement, swedish, foreign } = a;
  const user = await getCurrentUser();
  const mayPropose = !!user && can({ ...user, active: true }, "proposal.create", { organizationId: swedish.id });
  return (
    <>
      <p>
        <Link href="/agreements">← {t("agreement.back")}</Link>
      </p>
      <h1>
        {swedish.name} – {foreign.name} {foreign.nameNative && <span className="native">{foreign.nameNative}</span>}
      </h1>
      <p>
        <span className="badge badge--kind">{t(`kind.${agreement.kind}`)}</span>{" "}
        <StatusBadge status={a.current?.event.status ?? null} />
      </p>
      <p style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
        {mayPropose && (
          <Link className="btn btn--primary" href={`/agreements/${agreement.id}/propose`}>
            {t("review.propose.title")}
          </Link>
        )}
        <Link className="btn" href={`/history/agreement/${agreement.id}`}>
          {t("history.link")}
        </Link>
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="parties">
          <h2 id="parties" style={{ marginTop: 0 }}>
            {t("agreement.parties")}
          </h2>
          <dl className="facts">
            <dt>{t(`orgKind.${swedish.kind}`)}</dt>
            <dd>
              {swedish.name} <span className="muted">({swedish.officialCode}{a.countyName ? `, ${a.countyName}` : ""})</span>
            </dd>
            <dt>{foreign.level ? t(`foreignLevel.${foreign.level}`) : t("orgKind.foreign")}</dt>
            <dd>
              {foreign.name} {foreign.nameNative && <span className="native">{foreign.nameNative}</span>}
              {a.foreignParents.length > 0 && (
                <span className="muted"> — {a.foreignParents.map((p) => `${p.name} ${p.nameNative ?? ""}`.trim()).join(", ")}</span>
              )}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="details">
          <h2 id="details" style={{ marginTop: 0 }}>
            {t("agreement.details")}
          </h2>
          <dl className="facts">
            <dt>{t("agreements.kind")}</dt>
            <dd>{t(`kind.${agreement.kind}`)}</dd>
            <dt>{t("agreements.designation")}</dt>
            <dd>{agreement.designation ?? "–"}</dd>
            <dt>{t("agreements.established")}</dt>
            <dd>
              <PartialDateText on={agreement.establishedOn} precision={agreement.establishedPrecision} />
            </dd>
            {agreement.funding && (
              <>
                <dt>{t("agreement.funding")}</dt>
                <dd>{agreement.funding}</dd>
              </>
            )}
            {agreement.areas.length > 0 && (
              <>
                <dt>{t("agreement.areas")}</dt>
                <dd>{agreement.areas.join(", ")}</dd>
              </>
            )}
          </dl>
          {agreement.notes && (
            <>
              <h3 style={{ marginTop: "0.75rem" }}>{t("agreement.notes")}</h3>
              <p style={{ whiteSpace: "pre-line" }}>{agreement.notes}</p>
            </>
          )}
        </section>
      </div>
      <AgreementEvidence
        agreementId={agreement.id}
        title={`${swedish.name} – ${foreign.name}`}
        kind={agreement.kind}
        evidence={await getAgreementEvidence(await getDb(), agreement.id)}
        agreementSources={a.sources}
        user={await getCurrentUser()}
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
    </>
  );
}
