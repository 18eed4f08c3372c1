"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { CitationFormat } from "@/lib/citations/format";
import type { CitationTexts } from "@/lib/citations/records";
import styles from "./evidence.module.css";

/** A citation in three formats, shown and copied. */
export function CopyCitation({ label, texts }: { label: string; texts: CitationTexts }) {
  const t = useTranslations("citation");
  const id = useId();
  const [format, setFormat] = useState<CitationFormat>("text");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(texts[format]);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <details className={styles.cite} onToggle={() => setStatus("idle")}>
      <summary>{label}</summary>
      <div className={styles.citeBody}>
        <div role="group" aria-label={label} className={styles.citeFormats}>
          {(Object.keys(texts) as CitationFormat[]).map((f) => (
            <button
              key={f}
              type="button"
              className="btn btn--small"
              aria-pressed={format === f}
              onClick={() => {
                setFormat(f);
                setStatus("idle");
              }}
            >
              {t(`format.${f}`)}
            </button>
          ))}
        </div>
        <label htmlFor={id} className="visually-hidden">
          {`${label} (${t(`format.${format}`)})`}
        </label>
        <textarea id={id} readOnly value={texts[format]} rows={Math.min(14, texts[format].split("\n").length + 1)} className={styles.citeText} onFocus={(e) => e.currentTarget.select()} />
        <div className={styles.citeActions}>
          <button type="button" className="btn btn--small btn--primary" onClick={copy}>
            {t("copy")}
          </button>
          <span role="status" className="muted">
            {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
          </span>
        </div>
      </div>
    </details>
  );
}
