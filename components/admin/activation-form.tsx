"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { WriteResult } from "@/lib/users/result";
import type { SetActiveInput } from "@/lib/validation/users";
import styles from "./admin.module.css";

interface Props {
  userId: string;
  /** Named in the confirmation, so the admin sees whose access ends. */
  userName: string;
  userEmail: string;
  active: boolean;
  action: (input: SetActiveInput) => Promise<WriteResult<{ id: string }>>;
}

/**
 * Deactivates or reactivates an account, with an optional reason for the audit log. Deactivating
 * asks first, in a modal dialog that names the person (Cancel is focused and changes nothing);
 * reactivating gives access back and needs no confirmation.
 */
export function ActivationForm({ userId, userName, userEmail, active, action }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const dialogId = useId();

  const send = () => {
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

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (active) dialogRef.current?.showModal();
    else send();
  };

  return (
    <>
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
      {active && (
        <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={`${dialogId}-title`} aria-describedby={`${dialogId}-text`}>
          <h2 id={`${dialogId}-title`}>{t("admin.deactivateConfirmTitle", { name: userName })}</h2>
          <p id={`${dialogId}-text`}>{t("admin.deactivateConfirmText", { name: userName, email: userEmail })}</p>
          {reason.trim() && <p className={styles.hint}>{t("admin.deactivateConfirmReason", { reason: reason.trim() })}</p>}
          <div className="btn-row">
            <button type="button" className="btn" autoFocus onClick={() => dialogRef.current?.close()}>
              {t("admin.deactivateCancel")}
            </button>
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => {
                dialogRef.current?.close();
                send();
              }}
            >
              {t("admin.deactivateConfirm")}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
