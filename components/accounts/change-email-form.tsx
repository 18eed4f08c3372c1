"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changeEmailSchema, type ChangeEmailInput } from "@/lib/validation/accounts";
import { AccountField, applyFieldErrors } from "./account-field";
import type { ActionFailure } from "./set-password-form";

/** One's own address change: a link to the new address confirms it. */
export function ChangeEmailForm({ action }: { action: (input: ChangeEmailInput) => Promise<{ ok: true; value: { email: string } } | ActionFailure> }) {
  const t = useTranslations();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangeEmailInput>({ resolver: zodResolver(changeEmailSchema), defaultValues: { newEmail: "", currentPassword: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await action(values);
    if (result.ok) {
      setSentTo(result.value.email);
      reset();
      return;
    }
    applyFieldErrors(result.fieldErrors, setError);
    setServerError(t(result.message as never));
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t("account.emailTitle")}>
      {sentTo && (
        <div role="status" className="alert alert--success">
          {t("account.emailSent", { email: sentTo })}
        </div>
      )}
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      <AccountField id="ce-email" name="newEmail" label={t("account.newEmail")} type="email" autoComplete="email" register={register} errors={errors} maxLength={254} />
      <AccountField id="ce-current" name="currentPassword" label={t("account.currentPassword")} type="password" autoComplete="current-password" register={register} errors={errors} />
      <div>
        <button type="submit" className="btn" disabled={isSubmitting}>
          {t("account.emailSubmit")}
        </button>
      </div>
    </form>
  );
}
