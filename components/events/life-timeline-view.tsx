import { useLocale, useTranslations } from "next-intl";
import { formatPartialDate, parsePartialDate } from "@/lib/domain/partial-date";
import type { AgreementState } from "@/lib/domain/status";
import type { FieldClaims } from "@/lib/claims/list";
import type { LifeEvent, LifeTimelineGeometry } from "@/lib/events/life-timeline";
import { lifeTimeline, spanOf } from "@/lib/events/life-timeline";
import styles from "./life-timeline.module.css";

const STATES: AgreementState[] = ["active", "dormant", "paused", "partially_terminated", "ended"];

/**
 * The agreement's life as bands of state on a time axis, with its events as markers spanning
 * the period their precision names, the stretches with undated events hatched, and what the
 * sources claim about the establishment (conflicting claims flagged).
 */
export function LifeTimelineView({ live, claims, today }: { live: LifeEvent[]; claims: FieldClaims[]; today: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const established = claims.find((c) => c.field === "established");
  const claimDates = (established?.values ?? []).flatMap((v) => {
    try {
      const d = parsePartialDate(v);
      return d.on ? [{ value: v, ...d }] : [];
    } catch {
      return [];
    }
  });
  const g = lifeTimeline(live, { today, extraDates: claimDates.map((d) => d.on!) });
  if (!g) return <p className="muted">{t("evidence.life.nothingDated")}</p>;

  const pct = (x: number) => `${(((x - g.from) / (g.to - g.from)) * 100).toFixed(3)}%`;
  const width = (w: number) => `${Math.max((w / (g.to - g.from)) * 100, 0.35).toFixed(3)}%`;
  const date = (on: string | null, precision: LifeEvent["effectivePrecision"]) => formatPartialDate({ on, precision }, locale, t("date.unknown"));
  const stateName = (s: AgreementState) => t(`state.${s}`);
  const bandLabel = (b: LifeTimelineGeometry["bands"][number]) =>
    b.kind === "known" ? stateName(b.state) : t("evidence.life.unknownWhen", { states: b.states.map(stateName).join(" → ") });
  const years = (from: number, to: number) => `${Math.floor(from)}–${to >= g.today - 0.001 ? t("evidence.life.today") : Math.floor(to)}`;

  return (
    <figure className={styles.figure}>
      <div className={styles.chart} aria-hidden="true">
        <div className={styles.markers}>
          {g.markers.map((m) => (
            <a
              key={m.eventId}
              href={`#event-${m.eventId}`}
              className={`${styles.marker} ${m.confirmed ? "" : styles.markerDraft}`}
              style={{ left: pct(m.x), width: width(m.width) }}
              title={t("evidence.life.marker", { status: t(`status.${m.status}`), date: date(m.effectiveOn, m.precision) })}
              tabIndex={-1}
            >
              <span className={styles.markerLabel}>{t(`status.${m.status}`)}</span>
            </a>
          ))}
        </div>
        <div className={styles.track}>
          {g.bands.map((b, i) => (
            <div
              key={i}
              className={`${styles.band} ${b.kind === "known" ? styles[`state_${b.state}`] : styles.uncertain}`}
              style={{ left: pct(b.from), width: width(b.to - b.from) }}
              title={`${bandLabel(b)}, ${years(b.from, b.to)}`}
            >
              <span className={styles.bandLabel}>{bandLabel(b)}</span>
            </div>
          ))}
          <div className={styles.today} style={{ left: pct(g.today) }} title={t("evidence.life.today")} />
        </div>
        {claimDates.length > 0 && (
          <div className={styles.claims}>
            {claimDates.map((c) => {
              const span = spanOf(c.on!, c.precision);
              return (
                <span
                  key={c.value}
                  className={`${styles.claim} ${established?.conflict ? styles.claimConflict : ""}`}
                  style={{ left: pct(span.x), width: width(span.width) }}
                  title={t("evidence.life.claim", { field: t("claims.field.established"), value: c.value })}
                >
                  ⚑ {c.value}
                </span>
              );
            })}
          </div>
        )}
        <div className={styles.axis}>
          {g.ticks.map((y, i) => (
            // Every other year label gives way on a narrow chart, so that labels never overlap.
            <span key={y} className={`${styles.tick} ${i % 2 === 1 ? styles.tickMinor : ""}`} style={{ left: pct(y) }}>
              {y}
            </span>
          ))}
        </div>
      </div>
      <figcaption className={styles.caption}>
        <ol className="visually-hidden" aria-label={t("evidence.life.label", { from: Math.floor(g.from), to: Math.floor(g.to) })}>
          {g.bands.map((b, i) => (
            <li key={i}>
              {bandLabel(b)}: {years(b.from, b.to)}
            </li>
          ))}
        </ol>
        {established?.conflict && (
          <p className={styles.conflictNote}>
            ⚑ {t("evidence.life.claimConflict", { field: t("claims.field.established"), values: established.values.join(" / ") })}
          </p>
        )}
        {g.undated.length > 0 && (
          <p className="muted">{t("evidence.life.undated", { list: g.undated.map((e) => t(`status.${e.status}`)).join(", ") })}</p>
        )}
        <ul className={styles.legend} aria-label={t("evidence.life.legend")}>
          {STATES.map((s) => (
            <li key={s}>
              <span className={`${styles.swatch} ${styles[`state_${s}`]}`} /> {stateName(s)}
            </li>
          ))}
          <li>
            <span className={`${styles.swatch} ${styles.uncertain}`} /> {t("evidence.life.uncertain")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
