"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { OrganizationOption } from "@/lib/users/list";
import type { WriteResult } from "@/lib/users/result";
import { createUserSchema, type CreateUserInput } from "@/lib/validation/users";
import styles from "./admin.module.css";
import { applyServerErrors, RoleFields } from "./role-fields";

interface Props {
  action: (input: CreateUserInput) => Promise<WriteResult<{ id: string }>>;
  organizations: OrganizationOption[];
}

export function CreateUserForm({ action, organizations }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema, undefined, { raw: true }),
    defaultValues: { name: "", email: "", password: "", roles: [], organizationId: "" },
  });

  const roles = useWatch({ control, name: "roles" });

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await action(values);
    if (result.ok) {
      router.push(`/admin/users/${result.value.id}?created=1`);
      return;
    }
    applyServerErrors(result.fieldErrors, setError);
    setServerError(t(result.message));
  });

  const text = (name: "name" | "email" | "password", type: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`new-${name}`}>{t(`admin.${name}`)}</label>
      <input
        id={`new-${name}`}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={errors[name] ? "true" : "false"}
        aria-describedby={[hint && `new-${name}-hint`, errors[name] && `new-${name}-error`].filter(Boolean).join(" ") || undefined}
        {...register(name)}
      />
      {hint && (
        <span id={`new-${name}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
      {errors[name]?.message && (
        <span id={`new-${name}-error`} className="field-error">
          {t(errors[name].message)}
        </span>
      )}
    </div>
  );

  return (
    <form className={`form ${styles.formWide}`} onSubmit={onSubmit} noValidate aria-label={t("admin.newUserTitle")}>
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      {text("name", "text", "off")}
      {text("email", "email", "off")}
      {text("password", "password", "new-password", t("admin.passwordHint"))}
      <RoleFields register={register} control={control} errors={errors} roles={roles} organizations={organizations} idPrefix="new" />
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t("admin.creating") : t("admin.create")}
        </button>
      </div>
    </form>
  );
}
