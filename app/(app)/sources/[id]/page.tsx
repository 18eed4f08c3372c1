import Link from "next/link";
import { ActionLabel } from "@/components/review/action-label";
import { fieldLabel } from "@/components/review/record-values";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { z } from "zod";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { AttachForm } from "@/components/sources/attach-form";
import { AttachmentLinks } from "@/components/sources/source-citation";
import styles from "@/components/sources/sources.module.css";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { SOURCE_KIND_FIELDS } from "@/lib/validation/sources";
import { getSource } from "@/lib/sources/get";
import { VisibilityForm } from "@/components/sources/visibility-form";
import { attachFilesAction, setSourceVisibilityAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return getSource(await getDb(), id);
}

export async function generateMetadata({ params }: Params) {
  const d = await load((await params).id);
  return { title: d ? (d.source.title ?? d.source.citation.slice(0, 60)) : "404" };
}

export default async function SourcePage({ params }: Params) {
  const { id } = await params;
  const d = await load(id);
  if (!d) notFound();
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  const user = await getCurrentUser();
  const actor = user ? { ...user, active: true } : null;
  const s = d.source;
  const at = (date: Date) => dates.moment(date);
  const value = (field: string) => {
    switch (field) {
      case "date":
        return s.date ? <PartialDateText on={s.date} precision={s.datePrecision} /> : null;
      case "meetingDate":
      case "publishedOn":
      case "retrievedOn": {
        const v = s[field];
        return v ? <PartialDateText on={v} precision="day" /> : null;
      }
      case "url":
        return s.url ? (
          <a href={s.url} target="_blank" rel="noreferrer noopener">
            {s.url}
          </a>
        ) : null;
      default: {
        const v = (s as unknown as Record<string, string | number | null>)[field];
        return v == null || v === "" ? null : String(v);
      }
    }
  };
  const nothingUsed = d.eventUses.length + d.agreementUses.length + d.claimUses.length === 0;
  return (
    <>
      <p>
        <Link href="/sources">← {t("sources.title")}</Link>
      </p>
      <div className={styles.titleRow}>
        <h1>{s.title ?? t(`sourceKind.${s.kind}`)}</h1>
        {can(actor, "source.update") && (
          <Link href={`/sources/${id}/edit`} className="btn">
            {t("sources.detail.edit")}
          </Link>
        )}
      </div>
      <p>
        <span className="badge badge--kind">{t(`sourceKind.${s.kind}`)}</span>{" "}
        <span className="muted">{t("sources.detail.version", { version: s.version })}</span>{" "}
        <span className="badge" data-testid="source-visibility">
          {t(`publish.visibility.${s.visibility}`)}
        </span>
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="source-facts">
          <h2 id="source-facts" style={{ marginTop: 0 }}>
            {t("sources.reference")}
          </h2>
          <p className={styles.citation}>{s.citation}</p>
          <dl className="facts">
            {SOURCE_KIND_FIELDS[s.kind].map((f) => {
              const v = value(f);
              return v ? (
                <div key={f} style={{ display: "contents" }}>
                  <dt>{t(`sources.fields.${f}`)}</dt>
                  <dd>{v}</dd>
                </div>
              ) : null;
            })}
          </dl>
          {d.createdByName && <p className="muted">{t("sources.detail.created", { name: d.createdByName, at: at(s.createdAt) })}</p>}
        </section>
        <section className="card" aria-labelledby="source-files">
          <h2 id="source-files" style={{ marginTop: 0 }}>
            {t("sources.detail.attachments")}
          </h2>
          {d.attachments.length > 0 ? <AttachmentLinks sourceId={id} attachments={d.attachments} /> : <p className="muted">{t("sources.detail.noAttachments")}</p>}
          {can(actor, "attachment.upload") && <AttachForm sourceId={id} submit={attachFilesAction} />}
          {can(actor, "source.update") && (
            <>
              <h3>{t("publish.visibility.label")}</h3>
              <VisibilityForm sourceId={id} version={s.version} visibility={s.visibility} save={setSourceVisibilityAction} />
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="source-uses">
        <h2 id="source-uses">{t("sources.detail.uses")}</h2>
        <div className="card">
          {nothingUsed && <p className="muted">{t("sources.detail.none")}</p>}
          {!nothingUsed && (
            <p data-testid="source-use-count">
              <strong>{t("sources.usesCount", { agreements: d.useCounts.agreements, events: d.useCounts.events })}</strong>
            </p>
          )}
          {[false, true].map((superseded) => {
            const uses = d.eventUses.filter((u) => u.superseded === superseded);
            if (uses.length === 0) return null;
            return (
              <div key={String(superseded)}>
                <h3>{t(superseded ? "sources.detail.supersededUses" : "sources.detail.eventUses")}</h3>
                <ul className={styles.uses} data-testid={superseded ? "superseded-uses" : "event-uses"}>
                  {uses.map((u) => (
                    <li key={u.eventId}>
                      <Link href={`/agreements/${u.agreementId}#event-${u.eventId}`}>{u.agreementTitle}</Link> <span className="muted">({t(`kind.${u.agreementKind}`)})</span>{" "}
                      <span className={u.superseded ? styles.superseded : undefined}>
                        <StatusBadge status={u.status} /> <PartialDateText on={u.effectiveOn} precision={u.effectivePrecision} />
                      </span>
                      {u.superseded && <span className="muted"> ({t("sources.detail.superseded")})</span>}
                      {u.page && <span className="muted"> — {t("agreement.page", { page: u.page })}</span>}
                      {u.quote && <blockquote>”{u.quote}”</blockquote>}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          {d.agreementUses.length > 0 && (
            <>
              <h3>{t("sources.detail.agreementUses")}</h3>
              <ul className={styles.uses}>
                {d.agreementUses.map((u) => (
                  <li key={u.agreementId}>
                    <Link href={`/agreements/${u.agreementId}`}>{u.agreementTitle}</Link> <span className="muted">({t(`kind.${u.agreementKind}`)})</span>
                    {u.page && <span className="muted"> — {t("agreement.page", { page: u.page })}</span>}
                    {u.quote && <blockquote>”{u.quote}”</blockquote>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.claimUses.length > 0 && (
            <>
              <h3>{t("sources.detail.claimUses")}</h3>
              <ul className={styles.uses}>
                {d.claimUses.map((u) => (
                  <li key={u.claimId}>
                    <Link href={`/agreements/${u.agreementId}`}>{u.agreementTitle}</Link>: {t(`claims.field.${u.field as "established"}`)} = <strong>{u.value}</strong>
                    {u.page && <span className="muted"> — {t("agreement.page", { page: u.page })}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="source-history">
        <h2 id="source-history">{t("sources.detail.history")}</h2>
        <div className="card">
          <ol className={styles.revisions}>
            {d.revisions.map((r) => (
              <li key={r.id}>
                <strong>{t.has(`sources.detail.revision.${r.action.split(".")[1]}`) ? t(`sources.detail.revision.${r.action.split(".")[1] as "create"}`) : <ActionLabel action={r.action} />}</strong> — {r.actorName}, {at(r.at)}
                {r.action === "source.update" && r.changedFields.length > 0 && (
                  <span className="muted"> · {t("sources.detail.changed", { fields: r.changedFields.map((f) => fieldLabel(t, "source", f)).join(", ") })}</span>
                )}
                {r.reason && <span className="muted"> · {r.reason}</span>}
              </li>
            ))}
          </ol>
        </div>
      </section>
    </>
  );
}
