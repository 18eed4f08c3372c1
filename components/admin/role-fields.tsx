"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Controller, type Control, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { Combobox } from "@/components/ui/combobox";
import { ROLES, type Role } from "@/lib/domain/enums";
import type { OrganizationOption } from "@/lib/users/list";
import styles from "./admin.module.css";

export interface RoleFieldValues {
  roles: Role[];
  organizationId?: string | null;
}

/**
 * The roles (checkboxes) and, for a municipal official, the organisation: the same searchable
 * picker as the agreement form's ("mora" finds Mora), each name with its kind.
 */
export function RoleFields<T extends FieldValues>({
  register,
  control,
  errors,
  roles,
  organizations,
  idPrefix,
}: {
  /** Any form with `roles` and `organizationId` among its fields. */
  register: UseFormRegister<T>;
  control: Control<T>;
  errors: FieldErrors<RoleFieldValues>;
  roles: readonly Role[] | undefined;
  organizations: OrganizationOption[];
  idPrefix: string;
}) {
  const t = useTranslations();
  const official = roles?.includes("municipal_official") ?? false;
  const rolesError = errors.roles?.message ?? errors.roles?.root?.message;
  const organizationOptions = useMemo(() => organizations.map((o) => ({ value: o.id, label: o.name, description: t(`orgKind.${o.kind}`) })), [organizations, t]);
  const organizationId = `${idPrefix}-organization`;
  const organizationError = errors.organizationId?.message;
  return (
    <>
      <fieldset className={styles.checks} aria-describedby={`${idPrefix}-roles-hint${rolesError ? ` ${idPrefix}-roles-error` : ""}`}>
        <legend>{t("admin.roles")}</legend>
        {ROLES.map((r) => (
          <label key={r} className={styles.check}>
            <input type="checkbox" value={r} {...register("roles" as Path<T>)} />
            {t(`roles.${r}`)}
          </label>
        ))}
        <span id={`${idPrefix}-roles-hint`} className={styles.hint}>
          {t("admin.rolesHint")}
        </span>
        {rolesError && (
          <span id={`${idPrefix}-roles-error`} className="field-error">
            {t(rolesError)}
          </span>
        )}
      </fieldset>
      {official && (
        <div className="field">
          <label htmlFor={`${idPrefix}-organization`}>{t("admin.organization")}</label>
          <Controller
            control={control}
            name={"organizationId" as Path<T>}
            render={({ field }) => (
              <Combobox
                id={organizationId}
                options={organizationOptions}
                value={(field.value as string | null) ?? ""}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                placeholder={t("admin.organizationPlaceholder")}
                invalid={!!organizationError}
                describedBy={`${organizationId}-hint${organizationError ? ` ${organizationId}-error` : ""}`}
                noMatches={t("registry.form.noMatches")}
                countLabel={(count) => t("registry.form.matches", { count })}
              />
            )}
          />
          <span id={`${idPrefix}-organization-hint`} className={styles.hint}>
            {t("admin.organizationHint")}
          </span>
          {organizationError && (
            <span id={`${organizationId}-error`} className="field-error">
              {t(organizationError)}
            </span>
          )}
        </div>
      )}
    </>
  );
}

/** Shows the server's field errors on the form, keeping what was typed. */
export function applyServerErrors(fieldErrors: Record<string, string[]>, setError: (name: never, error: { message: string }) => void) {
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (messages[0]) setError(field as never, { message: messages[0] });
  }
}
