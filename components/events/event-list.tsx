import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useDateFormat } from "@/components/ui/use-date-format";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { eventCitation, type CitationContext } from "@/lib/citations/records";
import type { HistoryEntry } from "@/lib/events/history";
import { PartialDateText } from "../agreements/partial-date-text";
import { StatusBadge } from "../agreements/status-badge";
import { SourceCitation } from "../sources/source-citation";
import { CopyCitation } from "./copy-citation";
import styles from "./evidence.module.css";

export interface EventPermissions {
  canCorrect: boolean;
  canAddSource: boolean;
}

/**
 * The status events, newest first, each with its evidence and files. A superseded event is
 * struck through, with who corrected it, when and why; a correction says what it corrects;
 * an event without a source is marked as an unconfirmed draft.
 */
export function EventList({ entries, permissions, citation }: { entries: HistoryEntry[]; permissions: EventPermissions; citation: CitationContext }) {
  const t = useTranslations();
  const dates = useDateFormat();
  const locale = useLocale();
  if (entries.length === 0) return <p className="muted">{t("evidence.history.empty")}</p>;
  const at = (d: Date) => dates.moment(d);
  return (
    <ol className="timeline" aria-label={t("evidence.history.listTitle")}>
      {entries.map((event) => {
        const superseded = event.supersededBy;
        const dateLabel = formatPartialDate({ on: event.effectiveOn, precision: event.effectivePrecision }, locale, t("date.unknown"));
        return (
          <li key={event.id} id={`event-${event.id}`} className={superseded ? "superseded" : undefined} data-testid="status-event" data-status={event.status}>
            <div className="event-title">
              <span className="event-date">
                <PartialDateText on={event.effectiveOn} precision={event.effectivePrecision} />
              </span>
              <StatusBadge status={event.status} />
              {!event.confirmed && (
                <span className={`badge ${styles.badgeDraft}`} title={t("evidence.history.draftHint")}>
                  {t("evidence.history.draft")}
                </span>
              )}
              {superseded && <span className={`badge ${styles.badgeSuperseded}`}>{t("evidence.history.superseded")}</span>}
            </div>
            {superseded && (
              <p className={styles.corrected} data-testid="corrected-by">
                {t("evidence.history.correctedBy", { name: superseded.recordedByName, at: at(superseded.recordedAt), reason: superseded.correctionReason ?? "" })}{" "}
                <a href={`#event-${superseded.id}`}>{t("evidence.history.seeCorrection")}</a>
              </p>
            )}
            {event.supersedesId && (
              <p className={styles.correctionNote}>
                {t("evidence.history.correction", { reason: event.correctionReason ?? "" })} <a href={`#event-${event.supersedesId}`}>{t("evidence.history.seeOriginal")}</a>
              </p>
            )}
            <dl className="facts">
              {event.reasons.length > 0 && (
                <>
                  <dt>{t("agreement.reasons")}</dt>
                  <dd>{event.reasons.map((r) => (r === "other" && event.reasonOther ? event.reasonOther : t(`reason.${r}`))).join("; ")}</dd>
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
                  <SourceCitation key={s.source.id} source={s.source} quote={s.quote} page={s.page} attachments={s.attachments} linkToSource />
                ))}
              </ul>
            ) : (
              <p className="muted">{t("evidence.history.draftHint")}</p>
            )}
            <p className={`muted ${styles.recorded}`} data-testid="event-recorded">
              {event.approvedByName
                ? t("evidence.history.recordedApproved", { name: event.recordedByName, reviewer: event.approvedByName, at: at(event.recordedAt) })
                : t("evidence.history.recorded", { name: event.recordedByName, at: at(event.recordedAt) })}
            </p>
            <div className={styles.eventActions}>
              {!superseded && permissions.canCorrect && (
                <Link href={`/agreements/${citation.agreementId}/events/${event.id}/correct`} aria-label={t("evidence.correct.linkFor", { event: `${t(`status.${event.status}`)} ${dateLabel}` })}>
                  {t("evidence.correct.link")}
                </Link>
              )}
              {!superseded && permissions.canAddSource && (
                <Link href={`/agreements/${citation.agreementId}/events/${event.id}/sources`}>{t("evidence.addSources.link")}</Link>
              )}
              <CopyCitation
                label={t("citation.event")}
                texts={eventCitation(citation, { ...event, uses: event.sources }, t(`status.${event.status}`), dateLabel)}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
