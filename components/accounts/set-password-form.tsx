"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/validation/accounts";
import { AccountField, applyFieldErrors } from "./account-field";

export interface ActionFailure {
  ok: false;
  fieldErrors: Record<string, string[]>;
  message: string;
}

/** A new password through a link (invitation or reset). On success the action signs in and redirects. */
export function SetPasswordForm({ token, email, action }: { token: string; email: string; action: (input: SetPasswordInput) => Promise<ActionFailure | void> }) {
  const t = useTranslations();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetPasswordInput>({ resolver: zodResolver(setPasswordSchema), defaultValues: { token, email, password: "", passwordRepeat: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await action(values);
    if (!result) return;
    applyFieldErrors(result.fieldErrors, setError);
    setServerError(t(result.message as never));
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t("accounts.setPassword.titleInvite")}>
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      {/* For password managers: the account the password belongs to. */}
      <AccountField id="sp-email" name="email" label={t("auth.email")} type="email" autoComplete="username" register={register} errors={errors} readOnly />
      <AccountField
        id="sp-password"
        name="password"
        label={t("accounts.setPassword.password")}
        type="password"
        autoComplete="new-password"
        hint={t("password.rules")}
        register={register}
        errors={errors}
        maxLength={256}
      />
      <AccountField
        id="sp-repeat"
        name="passwordRepeat"
        label={t("accounts.setPassword.passwordRepeat")}
        type="password"
        autoComplete="new-password"
        register={register}
        errors={errors}
        maxLength={256}
      />
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t("accounts.setPassword.saving") : t("accounts.setPassword.submit")}
        </button>
      </div>
    </form>
  );
}
