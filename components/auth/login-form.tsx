"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { EMAIL_MAX, PASSWORD_MAX, signInSchema, type SignInInput } from "@/lib/validation/auth";
import type { SignInResult } from "@/app/(auth)/login/actions";

interface Props {
  action: (input: SignInInput, callbackUrl: string | undefined) => Promise<SignInResult | void>;
  callbackUrl?: string;
}

export function LoginForm({ action, callbackUrl }: Props) {
  const t = useTranslations();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await action(values, callbackUrl);
    if (result) setServerError(result.error === "locked" ? t("security.locked") : t("auth.failed"));
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t("auth.title")}>
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">{t("auth.email")}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          maxLength={EMAIL_MAX}
          aria-invalid={errors.email ? "true" : "false"}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
        {errors.email?.message && (
          <span id="email-error" className="field-error">
            {t(errors.email.message)}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">{t("auth.password")}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
          aria-invalid={errors.password ? "true" : "false"}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
        {errors.password?.message && (
          <span id="password-error" className="field-error">
            {t(errors.password.message)}
          </span>
        )}
      </div>
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {t("auth.submit")}
        </button>
      </div>
    </form>
  );
}
