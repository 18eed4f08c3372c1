import { getLocale, getTranslations } from "next-intl/server";
import { LifeTimelineView } from "@/components/events/life-timeline-view";
import { RefusalMessage } from "@/components/events/refusal-message";
import type { Db } from "@/db/client";
import { formatPartialDate, parsePartialDate } from "@/lib/domain/partial-date";
import { stateAfter } from "@/lib/domain/status";
import { getEventHistory } from "@/lib/events/history";
import { orderTimeline } from "@/lib/events/timeline";
import { CANDIDATE_ID, checkTransition, type HistoryEvent } from "@/lib/events/transitions";
import type { ProposedEvent } from "@/lib/validation/proposals";
import { todayIso } from "@/lib/validation/partial-date-input";

/**
 * What a reviewer decides on, in its place: the agreement's current lifeline with the proposed
 * event placed in it (drawn and listed), and what the transition rules say about it now.
 */
export async function ProposalLifeline({ db, agreementId, event }: { db: Db; agreementId: string; event: ProposedEvent }) {
  const [t, locale, history] = await Promise.all([getTranslations(), getLocale(), getEventHistory(db, agreementId)]);
  const date = parsePartialDate(event.effective);
  const candidate = { status: event.status, effectiveOn: date.on, effectivePrecision: date.precision };
  const rules = history.rulesHistory as HistoryEvent[];
  const check = checkTransition(rules, candidate);
  const probe: HistoryEvent = { id: CANDIDATE_ID, seq: rules.reduce((m, e) => Math.max(m, e.seq), 0) + 1, supersedesId: null, ...candidate };
  const placed = orderTimeline([...rules, probe])
    .filter((e) => !e.supersededBy)
    .map((e) => e.event);
  const live = placed.map((e) => ({ id: e.id, status: e.status, effectiveOn: e.effectiveOn, effectivePrecision: e.effectivePrecision, confirmed: e.id !== CANDIDATE_ID }));
  const when = (e: { effectiveOn: string | null; effectivePrecision: HistoryEvent["effectivePrecision"] }) =>
    formatPartialDate({ on: e.effectiveOn, precision: e.effectivePrecision }, locale, t("date.unknown"));
  return (
    <section className="card" aria-labelledby="proposal-lifeline" data-testid="proposal-lifeline" style={{ marginTop: "1rem" }}>
      <h2 id="proposal-lifeline" style={{ marginTop: 0 }}>
        {t("review.lifeline.title")}
      </h2>
      <p className="muted">{t("review.lifeline.intro")}</p>
      <LifeTimelineView live={live} claims={[]} today={todayIso()} />
      <ol data-testid="proposal-lifeline-events">
        {placed.map((e) =>
          e.id === CANDIDATE_ID ? (
            <li key={e.id} data-testid="proposal-lifeline-proposed">
              <strong>
                {when(e)}: {t(`status.${e.status}`)} — {t("review.lifeline.proposed")}
              </strong>
            </li>
          ) : (
            <li key={e.id}>
              {when(e)}: {t(`status.${e.status}`)} <span className="muted">({t(`state.${stateAfter(e.status)}`)})</span>
            </li>
          ),
        )}
      </ol>
      <h3>{t("review.lifeline.rules")}</h3>
      <div data-testid="proposal-rules" className={check.ok ? "alert alert--success" : "alert alert--error"}>
        {check.ok ? <p style={{ margin: 0 }}>{t("review.lifeline.allowed", { status: t(`status.${event.status}`) })}</p> : <RefusalMessage refusal={check.refusal} agreementId={agreementId} />}
      </div>
    </section>
  );
}
