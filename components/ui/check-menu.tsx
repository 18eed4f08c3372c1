"use client";

import { useEffect, useRef } from "react";
import styles from "./check-menu.module.css";

export interface CheckOption {
  value: string;
  label: string;
  lang?: string;
}

interface Props {
  label: string;
  options: CheckOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  /** Shown next to the label when something is chosen, e.g. "2". */
  badge?: string;
  align?: "start" | "end";
  /** Mark the button when something is chosen (filters); off for choices that are on by default. */
  highlight?: boolean;
}

/**
 * A button that opens a list of checkboxes (a disclosure, so it works by keyboard without
 * scripts): for table filters and column choices. Escape or a click outside closes it.
 */
export function CheckMenu({ label, options, selected, onChange, badge, align = "start", highlight = true }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        el.open = false;
        el.querySelector("summary")?.focus();
      } else if (!el.contains(e.target as Node)) {
        el.open = false;
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <details className={styles.menu} ref={ref}>
      <summary className={`btn ${highlight && selected.length > 0 ? styles.on : ""}`}>
        {label}
        {badge && <span className={styles.badge}>{badge}</span>}
        <span aria-hidden="true" className={styles.caret}>
          ▾
        </span>
      </summary>
      <fieldset className={`${styles.panel} ${align === "end" ? styles.end : ""}`}>
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className={styles.option}>
            <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
