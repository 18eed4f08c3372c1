"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { WriteResult } from "@/lib/users/result";
import type { SetActiveInput } from "@/lib/validation/users";
import styles from "./admin.module.css";

interface Props {
  userId: string;
  active: boolean;
  action: (input: SetActiveInput) => Promise<WriteResult<{ id: string }>>;
}

/** Deactivates or reactivates an account, with an optional reason for the audit log. */
export function ActivationForm({ userId, active, action }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await action({ userId, reason });
      if (!result.ok) {
        setError(t(result.fieldErrors.reason?.[0] ?? result.message));
        return;
      }
      setReason("");
      setDone(t(active ? "admin.deactivated" : "admin.reactivated"));
      router.refresh();
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("admin.activation")}>
      <p className={styles.hint} style={{ margin: 0 }}>
        {t(active ? "admin.deactivateHint" : "admin.reactivateHint")}
      </p>
      {error && (
        <div role="alert" className="alert alert--error">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="activation-reason">{t("admin.reason")}</label>
        <textarea id="activation-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div>
        <button type="submit" className={`btn ${active ? "btn--danger" : "btn--primary"}`} disabled={pending}>
          {t(active ? "admin.deactivate" : "admin.reactivate")}
        </button>{" "}
        {done && (
          <span role="status" className={styles.status}>
            {done}
          </span>
        )}
      </div>
    </form>
  );
}
