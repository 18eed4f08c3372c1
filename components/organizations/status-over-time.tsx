import { useTranslations } from "next-intl";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import type { StatusEvent } from "@/db/schema";
import { stateAfter, type AgreementState } from "@/lib/domain/status";
import styles from "./status-over-time.module.css";

const STATE_COLOURS: Record<AgreementState, string> = {
  active: "#2e8b57",
  dormant: "#8c96a3",
  paused: "#d39e00",
  partially_terminated: "#7e4fb0",
  ended: "#b83232",
};

/**
 * An agreement's status over time: a bar from its first dated event to `untilYear`, coloured by
 * state (for the eye), and the events in order as text (for everyone).
 */
export function StatusOverTime({ events, untilYear }: { events: StatusEvent[]; untilYear: number }) {
  const t = useTranslations();
  const dated = events.filter((e) => e.effectiveOn);
  const start = dated.length ? Number(dated[0]!.effectiveOn!.slice(0, 4)) : null;
  const span = start !== null ? Math.max(1, untilYear + 1 - start) : 1;
  const segments =
    start === null
      ? []
      : dated.map((e, i) => {
          const from = Number(e.effectiveOn!.slice(0, 4)) + Number(e.effectiveOn!.slice(5, 7)) / 12 - 1 / 12;
          const next = dated[i + 1];
          const to = next ? Number(next.effectiveOn!.slice(0, 4)) + Number(next.effectiveOn!.slice(5, 7)) / 12 - 1 / 12 : untilYear + 1;
          return { id: e.id, state: stateAfter(e.status), left: ((from - start) / span) * 100, width: (Math.max(0.05, to - from) / span) * 100 };
        });
  return (
    <div className={styles.wrap}>
      {start !== null && (
        <div className={styles.bar} aria-hidden="true">
          {segments.map((s) => (
            <span key={s.id} style={{ left: `${s.left}%`, width: `${s.width}%`, background: STATE_COLOURS[s.state] }} title={t(`state.${s.state}`)} />
          ))}
          <span className={styles.startYear}>{start}</span>
          <span className={styles.endYear}>{untilYear}</span>
        </div>
      )}
      {events.length === 0 ? (
        <p className="muted">{t("agreement.historyEmpty")}</p>
      ) : (
        <ol className={styles.steps}>
          {events.map((e) => (
            <li key={e.id}>
              <StatusBadge status={e.status} /> <PartialDateText on={e.effectiveOn} precision={e.effectivePrecision} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
