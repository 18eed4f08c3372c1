import { useFormatter, useTranslations } from "next-intl";
import type { AgreementDetail } from "@/lib/agreements/get";
import { SourceCitation } from "../sources/source-citation";
import { PartialDateText } from "./partial-date-text";
import { StatusBadge } from "./status-badge";

/** The status history, newest first, each event with its evidence. Superseded events are struck through. */
export function StatusHistory({ timeline }: { timeline: AgreementDetail["timeline"] }) {
  const t = useTranslations();
  const format = useFormatter();
  if (timeline.length === 0) return <p className="muted">{t("agreement.historyEmpty")}</p>;
  return (
    <ol className="timeline" aria-label={t("agreement.history")}>
      {timeline.map(({ event, supersededBy }) => (
        <li key={event.id} className={supersededBy ? "superseded" : undefined} data-testid="status-event">
          <div className="event-title">
            <span className="event-date">
              <PartialDateText on={event.effectiveOn} precision={event.effectivePrecision} />
            </span>
            <StatusBadge status={event.status} />
            {supersededBy && <span className="muted">{t("agreement.supersededBy")}</span>}
          </div>
          {event.correctionReason && <p className="muted">{t("agreement.correction", { reason: event.correctionReason })}</p>}
          <dl className="facts">
            {event.reasons.length > 0 && (
              <>
                <dt>{t("agreement.reasons")}</dt>
                <dd>
                  {event.reasons.map((r) => (r === "other" && event.reasonOther ? event.reasonOther : t(`reason.${r}`))).join("; ")}
                </dd>
              </>
            )}
            {event.decidedBy && (
              <>
                <dt>{t("agreement.decidedBy")}</dt>
                <dd>{event.decidedBy}</dd>
              </>
            )}
            <dt>{t("agreement.initiatedBy")}</dt>
            <dd>{t(`initiator.${event.initiatedBy}`)}</dd>
          </dl>
          {event.note && <p>{event.note}</p>}
          <h3 className="visually-hidden">{t("agreement.sources")}</h3>
          {event.sources.length > 0 ? (
            <ul className="sources">
              {event.sources.map((s) => (
                <SourceCitation key={s.source.id} {...s} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t("agreement.noSources")}</p>
          )}
          <p className="muted" style={{ fontSize: "0.82rem", margin: "0.3rem 0 0" }}>
            {t("agreement.recorded", { name: event.recordedByName, at: format.dateTime(event.recordedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
        </li>
      ))}
    </ol>
  );
}
