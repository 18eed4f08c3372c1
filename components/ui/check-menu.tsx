"use client";

import { useEffect, useId, useRef, useState } from "react";
import styles from "./check-menu.module.css";

export interface CheckOption {
  value: string;
  label: string;
  lang?: string;
  /** A second, smaller line under the label (e.g. what a grouped status includes). */
  hint?: string;
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
 * A button that shows and hides a group of checkboxes (the disclosure pattern): for table
 * filters and column choices. Escape closes it and returns focus to the button; so does a
 * click outside.
 */
export function CheckMenu({ label, options, selected, onChange, badge, align = "start", highlight = true }: Props) {
  const [open, setOpen] = useState(false);
  // Ticks show at once; the URL (and so `selected`) follows when the server has answered.
  const [checked, setChecked] = useState(selected);
  const [shown, setShown] = useState(selected);
  if (shown.join(",") !== selected.join(",")) {
    setShown(selected);
    setChecked(selected);
  }
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open]);

  const toggle = (value: string, on: boolean) => {
    const next = on ? [...checked, value] : checked.filter((v) => v !== value);
    setChecked(next);
    onChange(next);
  };
  return (
    <div className={styles.menu} ref={root}>
      <button
        type="button"
        ref={button}
        className={`btn ${highlight && checked.length > 0 ? styles.on : ""}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {badge && (
          <span className={styles.badge} aria-hidden="true">
            {badge}
          </span>
        )}
        <span aria-hidden="true" className={styles.caret}>
          ▾
        </span>
      </button>
      <fieldset id={panelId} className={`${styles.panel} ${align === "end" ? styles.end : ""}`} hidden={!open}>
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className={styles.option}>
            <input type="checkbox" checked={checked.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span className={styles.optionText}>
              <span lang={o.lang}>{o.label}</span>
              {o.hint && <span className={styles.hint}>{o.hint}</span>}
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
