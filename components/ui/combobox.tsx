"use client";

import { useId, useMemo, useRef, useState } from "react";
import { fold } from "@/lib/agreements/fold";
import styles from "./combobox.module.css";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Shown under the label (e.g. the kind and county); searched too. */
  description?: string;
  /** Searched but not shown (e.g. a native-script name shown in the label already, a code). */
  keywords?: string;
}

interface Props {
  id: string;
  options: ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  noMatches: string;
  /** "{count} matches" for screen readers, with the count filled in. */
  countLabel: (count: number) => string;
  maxResults?: number;
  name?: string;
  inputRef?: (el: HTMLInputElement | null) => void;
  /**
   * Offered when nothing matches what was typed ("Skapa ”Ningbo”"): `onCreate` gets the typed
   * text, so the form for a new record can start with it.
   */
  create?: { label: (text: string) => string; description?: string; onCreate: (text: string) => void };
}

/**
 * A searchable picker (the WAI-ARIA combobox pattern): type to filter, whatever the accents
 * ("malmo" finds Malmö), arrows to move, Enter to choose, Escape to close.
 */
export function Combobox({ id, options, value, onChange, onBlur, placeholder, invalid, describedBy, noMatches, countLabel, maxResults = 60, name, inputRef, create }: Props) {
  const listId = useId();
  const selected = options.find((o) => o.value === value) ?? null;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const index = useMemo(
    () => options.map((o) => ({ option: o, label: fold(o.label), haystack: fold(`${o.label} ${o.description ?? ""} ${o.keywords ?? ""}`) })),
    [options],
  );
  const typed = text ?? "";
  const matches = useMemo(() => {
    const terms = fold(typed).split(/\s+/).filter(Boolean);
    if (terms.length === 0) return index.slice(0, maxResults).map((i) => i.option);
    const first = terms[0]!;
    // Names that start with what was typed first, then names with a word that does, then the rest.
    const rank = (label: string) => (label.startsWith(first) ? 0 : label.split(/[\s-]+/).some((w) => w.startsWith(first)) ? 1 : label.includes(first) ? 2 : 3);
    return index
      .filter((i) => terms.every((t) => i.haystack.includes(t)))
      .map((i, n) => ({ i, n, r: rank(i.label) }))
      .sort((a, b) => a.r - b.r || a.n - b.n)
      .slice(0, maxResults)
      .map(({ i }) => i.option);
  }, [index, typed, maxResults]);

  const createText = create && matches.length === 0 ? typed.trim() : "";
  const createId = `${listId}-create`;
  const createNew = () => {
    setText(null);
    setOpen(false);
    create?.onCreate(createText);
  };

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setText(null);
    setOpen(false);
  };
  const move = (to: number) => {
    const next = Math.max(0, Math.min(matches.length - 1, to));
    setActive(next);
    listRef.current?.children[next]?.scrollIntoView({ block: "nearest" });
  };

  return (
    <div className={styles.combobox}>
      <input
        id={id}
        ref={inputRef}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : open && createText ? createId : undefined}
        aria-invalid={invalid ? "true" : "false"}
        aria-describedby={describedBy}
        placeholder={placeholder}
        value={text ?? selected?.label ?? ""}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setText(null);
          onBlur?.();
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) setOpen(true);
            else move(active + 1);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            move(active - 1);
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            const option = matches[active];
            if (option) choose(option);
            else if (createText) createNew();
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
            setText(null);
          }
        }}
      />
      <span className={styles.chevron} aria-hidden="true">
        ▾
      </span>
      <ul id={listId} role="listbox" ref={listRef} className={styles.list} hidden={!open} aria-label={placeholder}>
        {matches.map((o, i) => (
          <li
            key={o.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={o.value === value}
            className={i === active ? styles.active : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(o)}
          >
            <span className={styles.label}>{o.label}</span>
            {o.description && <span className={styles.description}>{o.description}</span>}
          </li>
        ))}
        {createText ? (
          <li id={createId} role="option" aria-selected="false" className={`${styles.active} ${styles.create}`} onMouseDown={(e) => e.preventDefault()} onClick={createNew}>
            <span className={styles.label}>{create!.label(createText)}</span>
            {create!.description && <span className={styles.description}>{create!.description}</span>}
          </li>
        ) : (
          matches.length === 0 && <li className={styles.empty}>{noMatches}</li>
        )}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {open ? countLabel(matches.length) : ""}
      </span>
    </div>
  );
}
