import styles from "./progress-bar.module.css";

/** A labelled progress bar; without `value` it shows work of unknown length. */
export function ProgressBar({ label, value, max = 1, detail }: { label: string; value?: number; max?: number; detail?: string }) {
  const percent = value === undefined ? undefined : Math.round((Math.min(value, max) / max) * 100);
  return (
    <div className={styles.wrap}>
      <div className={styles.head}>
        <span id="progress-label">{label}</span>
        <span className={styles.detail} aria-hidden="true">
          {detail ?? (percent !== undefined ? `${percent} %` : "")}
        </span>
      </div>
      <progress className={styles.bar} aria-labelledby="progress-label" value={value} max={max} />
    </div>
  );
}
