"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { FormResult } from "@/lib/validation/form-result";
import styles from "./evidence.module.css";

/** Marks a claim as preferred, with the reason; the reason is kept if the server refuses. */
export function PreferClaimForm({ claimId, value, prefer }: { claimId: string; value: string; prefer: (input: { claimId: string; reason: string }) => Promise<FormResult<{ id: number }>> }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <details>
      <summary>{t("claims.prefer", { value })}</summary>
      <form
        className={styles.preferForm}
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await prefer({ claimId, reason });
            if (result.ok) {
              setReason("");
              setError(null);
              router.refresh();
            } else setError(result.fieldErrors?.reason?.[0] ?? result.message);
          });
        }}
      >
        <label htmlFor={id}>{t("claims.preferReason")}</label>
        <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? "true" : "false"} aria-describedby={error ? `${id}-error` : undefined} />
        {error && (
          <span id={`${id}-error`} className="field-error" role="alert">
            {t.has(error) ? t(error) : error}
          </span>
        )}
        <div>
          <button type="submit" className="btn btn--small btn--primary" disabled={pending}>
            {t("claims.preferSubmit")}
          </button>
        </div>
      </form>
    </details>
  );
}
