"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { ROLES, type Role } from "@/lib/domain/enums";
import type { OrganizationOption } from "@/lib/users/list";
import styles from "./admin.module.css";

export interface RoleFieldValues {
  roles: Role[];
  organizationId?: string | null;
}

const GROUPS = ["kommun", "region", "lansstyrelse"] as const;

/** The roles (checkboxes) and, for a municipal official, the organisation (grouped select). */
export function RoleFields({
  register,
  errors,
  roles,
  organizations,
  idPrefix,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by forms whose other fields differ
  register: UseFormRegister<any>;
  errors: FieldErrors<RoleFieldValues>;
  roles: readonly Role[] | undefined;
  organizations: OrganizationOption[];
  idPrefix: string;
}) {
  const t = useTranslations();
  const official = roles?.includes("municipal_official") ?? false;
  const rolesError = errors.roles?.message ?? errors.roles?.root?.message;
  return (
    <>
      <fieldset className={styles.checks} aria-describedby={`${idPrefix}-roles-hint${rolesError ? ` ${idPrefix}-roles-error` : ""}`}>
        <legend>{t("admin.roles")}</legend>
        {ROLES.map((r) => (
          <label key={r} className={styles.check}>
            <input type="checkbox" value={r} {...register("roles")} />
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
          <select
            id={`${idPrefix}-organization`}
            aria-invalid={errors.organizationId ? "true" : "false"}
            aria-describedby={`${idPrefix}-organization-hint${errors.organizationId ? ` ${idPrefix}-organization-error` : ""}`}
            {...register("organizationId")}
          >
            <option value="">{t("admin.organizationPlaceholder")}</option>
            {GROUPS.map((g) => (
              <optgroup key={g} label={t(`admin.orgGroups.${g}`)}>
                {organizations
                  .filter((o) => o.kind === g)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <span id={`${idPrefix}-organization-hint`} className={styles.hint}>
            {t("admin.organizationHint")}
          </span>
          {errors.organizationId?.message && (
            <span id={`${idPrefix}-organization-error`} className="field-error">
              {t(errors.organizationId.message)}
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
