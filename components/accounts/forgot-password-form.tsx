"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validation/accounts";
import { AccountField, applyFieldErrors } from "./account-field";
import type { ActionFailure } from "./set-password-form";

/** "Glömt lösenord": the same answer for every address. */
export function ForgotPasswordForm({ action }: { action: (input: ForgotPasswordInput) => Promise<{ ok: true } | ActionFailure> }) {
  const t = useTranslations();
  const [sent, setSent] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const onSubmit = handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) setSent(true);
    else applyFieldErrors(result.fieldErrors, setError);
  });
  if (sent) {
    return (
      <div role="status" className="alert alert--success" data-testid="forgot-sent">
        {t("accounts.forgot.sent")}
      </div>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t("accounts.forgot.title")}>
      <AccountField id="fp-email" name="email" label={t("accounts.forgot.email")} type="email" autoComplete="username" register={register} errors={errors} maxLength={254} />
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t("accounts.forgot.sending") : t("accounts.forgot.submit")}
        </button>
      </div>
    </form>
  );
}
