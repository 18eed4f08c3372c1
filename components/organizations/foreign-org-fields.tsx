"use client";

import { useTranslations } from "next-intl";
import { Controller, get, useFormContext, useFormState } from "react-hook-form";
import { Combobox } from "@/components/ui/combobox";
import { describedBy, Field } from "@/components/ui/field";
import { FOREIGN_LEVELS } from "@/lib/domain/enums";
import type { ForeignOption } from "@/lib/organizations/list";
import { useForeignOptions } from "./org-options";
import styles from "./org-form.module.css";

/**
 * The fields of a new foreign party: in the organisation form (prefix "") and inline in the
 * agreement form (prefix "foreign.org."). Reads the form through react-hook-form's context.
 */
export function ForeignOrgFields({ prefix, parents, idPrefix }: { prefix: string; parents: ForeignOption[]; idPrefix: string }) {
  const t = useTranslations();
  const { register, control } = useFormContext();
  const { errors } = useFormState({ control });
  const name = (field: string) => `${prefix}${field}`;
  const error = (field: string): string | null => {
    const message = (get(errors, name(field)) as { message?: string } | undefined)?.message;
    return message ? t(message) : null;
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  const parentOptions = useForeignOptions(parents);

  return (
    <div className={styles.grid}>
      <Field id={id("name")} label={t("registry.org.nameLatin")} error={error("name")} required>
        <input
          id={id("name")}
          type="text"
          autoComplete="off"
          aria-required="true"
          aria-invalid={error("name") ? "true" : "false"}
          aria-describedby={describedBy(id("name"), false, !!error("name"))}
          {...register(name("name"))}
        />
      </Field>
      <Field id={id("nameNative")} label={t("registry.org.nameNative")} hint={t("registry.org.nameNativeHint")} error={error("nameNative")}>
        <input
          id={id("nameNative")}
          type="text"
          lang="zh"
          autoComplete="off"
          className="native"
          aria-invalid={error("nameNative") ? "true" : "false"}
          aria-describedby={describedBy(id("nameNative"), true, !!error("nameNative"))}
          {...register(name("nameNative"))}
        />
      </Field>
      <Field id={id("level")} label={t("registry.org.level")} error={error("level")}>
        <select
          id={id("level")}
          aria-invalid={error("level") ? "true" : "false"}
          aria-describedby={describedBy(id("level"), false, !!error("level"))}
          {...register(name("level"))}
        >
          <option value="">{t("registry.org.levelNone")}</option>
          {FOREIGN_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`foreignLevel.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id("parentId")} label={t("registry.org.parent")} hint={t("registry.org.parentHint")} error={error("parentId")}>
        <Controller
          control={control}
          name={name("parentId")}
          render={({ field }) => (
            <Combobox
              id={id("parentId")}
              options={[{ value: "", label: t("registry.org.parentNone") }, ...parentOptions]}
              value={(field.value as string) ?? ""}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              placeholder={t("registry.form.foreignPlaceholder")}
              invalid={!!error("parentId")}
              describedBy={describedBy(id("parentId"), true, !!error("parentId"))}
              noMatches={t("registry.form.noMatches")}
              countLabel={(count) => t("registry.form.matches", { count })}
            />
          )}
        />
      </Field>
      <Field id={id("countryCode")} label={t("registry.org.country")} hint={t("registry.org.countryHint")} error={error("countryCode")} required>
        <input
          id={id("countryCode")}
          type="text"
          maxLength={2}
          autoComplete="off"
          className={styles.country}
          aria-required="true"
          aria-invalid={error("countryCode") ? "true" : "false"}
          aria-describedby={describedBy(id("countryCode"), true, !!error("countryCode"))}
          {...register(name("countryCode"))}
        />
      </Field>
    </div>
  );
}
