"use client";

import { useTranslations } from "next-intl";
import type { DuplicateSource } from "@/lib/sources/duplicates";
import styles from "../events/forms.module.css";

/** The sources a new one may duplicate, each with a way to reuse it; or the user's word that it is different. */
export function DuplicateWarning({
  duplicates,
  onUse,
  differentField,
  message = "sources.duplicate.found",
}: {
  duplicates: DuplicateSource[];
  onUse?: (d: DuplicateSource) => void;
  differentField?: React.ReactNode;
  message?: string;
}) {
  const t = useTranslations();
  return (
    <div className={styles.duplicate} role="alert">
      <strong>{t(message)}</strong>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={`/sources/${d.id}`} target="_blank" rel="noreferrer">
              {d.citation.length > 200 ? `${d.citation.slice(0, 197)}…` : d.citation}
            </a>{" "}
            <span>({t(`sources.duplicate.match.${d.match}`)})</span>{" "}
            {onUse && (
              <button type="button" className="btn btn--small" onClick={() => onUse(d)}>
                {t("sources.duplicate.use")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {differentField}
    </div>
  );
}
