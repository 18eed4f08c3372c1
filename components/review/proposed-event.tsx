import { useTranslations } from "next-intl";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { parsePartialDate } from "@/lib/domain/partial-date";
import { sourceColumns } from "@/lib/sources/fields";
import type { ProposedEvent as ProposedEventData } from "@/lib/validation/proposals";

export function ProposedEvent({ event, citedSources }: { event: ProposedEventData; citedSources: { id: string; citation: string }[] }) {
  const t = useTranslations();
  const date = parsePartialDate(event.effective);
  return (
    <section className="card" aria-labelledby="proposed-event">
      <h2 id="proposed-event" style={{ marginTop: 0 }}>
        {t("review.proposedEvent")}
      </h2>
      <dl className="facts">
        <dt>{t("review.propose.status")}</dt>
        <dd>
          <StatusBadge status={event.status} />
        </dd>
        <dt>{t("review.propose.date")}</dt>
        <dd>
          <PartialDateText on={date.on} precision={date.precision} />
        </dd>
        {event.reasons.length > 0 && (
          <>
            <dt>{t("agreement.reasons")}</dt>
            <dd>{event.reasons.map((r) => (r === "other" ? event.reasonOther : t(`reason.${r}`))).join("; ")}</dd>
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
      <h3>{t("review.evidence")}</h3>
      <ul className="sources" data-testid="proposed-evidence">
        {event.sources.map((s, i) =>
          s.type === "existing" ? (
            <li key={i}>{citedSources.find((c) => c.id === s.sourceId)?.citation ?? s.sourceId}</li>
          ) : s.type === "new" ? (
            <li key={i} data-source-kind={s.source.kind}>
              <span className="badge badge--kind">{t(`sourceKind.${s.source.kind}`)}</span> {sourceColumns(s.source).citation}
              {s.attachmentId && (
                <>
                  {" · "}
                  <a href={`/api/attachments/${s.attachmentId}`}>{s.attachmentFilename ?? "bilaga"}</a>
                </>
              )}
              {s.quote && <blockquote>”{s.quote}”</blockquote>}
            </li>
          ) : (
            <li key={i}>
              <span className="badge badge--kind">{t("sourceKind.protocol")}</span> {s.body}, {s.meetingDate}
              {s.paragraph ? `, ${s.paragraph}` : ""}
              {s.diarienummer ? `, ${t("source.diarienummer")}: ${s.diarienummer}` : ""}
              {s.attachmentId && (
                <>
                  {" · "}
                  <a href={`/api/attachments/${s.attachmentId}`}>{s.attachmentFilename ?? "protokoll.pdf"}</a>
                </>
              )}
              {s.quote && <blockquote>”{s.quote}”</blockquote>}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
