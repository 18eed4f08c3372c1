"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/accounts";
import { AccountField, applyFieldErrors } from "./account-field";
import type { ActionFailure } from "./set-password-form";

/** One's own password change. On success the action signs this device in again and reloads the page. */
export function ChangePasswordForm({ email, action }: { email: string; action: (input: ChangePasswordInput) => Promise<ActionFailure | void> }) {
  const t = useTranslations();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { email, currentPassword: "", password: "", passwordRepeat: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await action(values);
    if (!result) return;
    applyFieldErrors(result.fieldErrors, setError);
    setServerError(t(result.message as never));
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t("account.passwordTitle")}>
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      <input type="hidden" autoComplete="username" value={email} readOnly />
      <AccountField id="cp-current" name="currentPassword" label={t("account.currentPassword")} type="password" autoComplete="current-password" register={register} errors={errors} />
      <AccountField
        id="cp-password"
        name="password"
        label={t("account.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("password.rules")}
        register={register}
        errors={errors}
        maxLength={256}
      />
      <AccountField id="cp-repeat" name="passwordRepeat" label={t("account.passwordRepeat")} type="password" autoComplete="new-password" register={register} errors={errors} maxLength={256} />
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t("account.saving") : t("account.submit")}
        </button>
      </div>
    </form>
  );
}
