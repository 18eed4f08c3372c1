"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { SourcePick } from "@/lib/sources/search";
import { FieldError } from "../events/field-error";
import { useFieldError } from "../events/error-gate";
import { fieldId } from "../events/form-helpers";
import styles from "../events/forms.module.css";

/** Finds an existing source by search and puts its id into `sourceId` (under `prefix`, when given). */
export function SourcePicker({ prefix, search }: { prefix: string; search: (q: string) => Promise<SourcePick[]> }) {
  const t = useTranslations();
  const { setValue, clearErrors } = useFormContext();
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const sourceId = useWatch({ name: at("sourceId") }) as string | undefined;
  const label = useWatch({ name: at("label") }) as string | undefined;
  const [q, setQ] = useState("");
  const [results, setResults] = useState<SourcePick[] | null>(null);
  const [pending, startTransition] = useTransition();
  const id = fieldId(at("search"));
  const error = useFieldError(at("sourceId"));

  const run = () =>
    startTransition(async () => {
      setResults(await search(q));
    });
  const choose = (s: SourcePick) => {
    setValue(at("sourceId"), s.id, { shouldDirty: true });
    setValue(at("label"), s.citation, { shouldDirty: true });
    clearErrors(at("sourceId"));
    setResults(null);
  };

  if (sourceId) {
    return (
      <div className={styles.picked}>
        <strong>{t("evidence.picker.chosen")}:</strong>
        <span>{label}</span>
        <a href={`/sources/${sourceId}`} target="_blank" rel="noreferrer">
          {t("evidence.picker.open")}
        </a>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            setValue(at("sourceId"), "", { shouldDirty: true });
            setValue(at("label"), "");
          }}
        >
          {t("evidence.picker.change")}
        </button>
      </div>
    );
  }
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{t("evidence.picker.search")}</label>
      <div className={styles.searchRow}>
        <input
          id={id}
          type="search"
          value={q}
          placeholder={t("evidence.picker.searchPlaceholder")}
          aria-invalid={error ? "true" : "false"}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              run();
            }
          }}
        />
        <button type="button" className="btn" onClick={run} disabled={pending}>
          {pending ? t("evidence.picker.searching") : t("evidence.picker.searchButton")}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {results && results.length === 0 && <p className="muted">{t("evidence.picker.noResults")}</p>}
      {results && results.length > 0 && (
        <ul className={styles.results} aria-label={t("evidence.picker.search")}>
          {results.map((s) => (
            <li key={s.id}>
              <span>
                <span className="badge badge--kind">{t(`sourceKind.${s.kind}`)}</span> {s.citation.length > 180 ? `${s.citation.slice(0, 177)}…` : s.citation}{" "}
                <span className="muted">({t("evidence.picker.uses", { count: s.agreementCount })})</span>
              </span>
              <button type="button" className="btn btn--small" onClick={() => choose(s)} aria-label={`${t("evidence.picker.choose")}: ${s.title ?? s.citation.slice(0, 80)}`}>
                {t("evidence.picker.choose")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
