"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useForm, type Path, type Resolver } from "react-hook-form";
import type { SourcePick } from "@/lib/sources/search";
import { CLAIM_FIELDS, createClaimSchema } from "@/lib/validation/claims";
import type { FormResult } from "@/lib/validation/form-result";
import { SourcePicker } from "../sources/source-picker";
import { FieldError } from "./field-error";
import { errorAt, fieldId } from "./form-helpers";
import { TextField } from "./text-field";
import styles from "./forms.module.css";

interface Values {
  agreementId: string;
  field: string;
  value: string;
  sourceId: string;
  label: string;
  quote: string;
  page: string;
}

/** Records what a source says about one of the agreement's fields. */
export function ClaimForm({
  agreementId,
  submit,
  search,
}: {
  agreementId: string;
  submit: (input: unknown) => Promise<FormResult<{ id: string }>>;
  search: (q: string) => Promise<SourcePick[]>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(createClaimSchema) as unknown as Resolver<Values>,
    defaultValues: { agreementId, field: "established", value: "", sourceId: "", label: "", quote: "", page: "" },
  });
  const fieldError = errorAt(form.formState.errors, "field");
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await submit(values);
    if (result.ok) {
      router.push(`/agreements/${agreementId}`);
      router.refresh();
      return;
    }
    setMessage(result.message);
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(path as Path<Values>, { type: "server", message: messages[0] });
  });
  return (
    <FormProvider {...form}>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t("claims.add")}>
        {message && (
          <div role="alert" className="alert alert--error">
            {t.has(message) ? t(message) : message}
          </div>
        )}
        <div className={styles.grid2}>
          <div className={styles.field}>
            <label htmlFor={fieldId("field")}>{t("claims.fieldLabel")}</label>
            <select id={fieldId("field")} aria-invalid={fieldError ? "true" : "false"} {...form.register("field")}>
              {CLAIM_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`claims.field.${f}`)}
                </option>
              ))}
            </select>
            <FieldError id={`${fieldId("field")}-error`} message={fieldError} />
          </div>
          <TextField name="value" label={t("claims.value")} hint={t("claims.valueHint")} required />
        </div>
        <fieldset>
          <legend>{t("claims.source")}</legend>
          <SourcePicker prefix="" search={search} />
          <div className={styles.grid2}>
            <TextField name="quote" label={t("evidence.sourceEntry.quote")} multiline wide />
            <TextField name="page" label={t("evidence.sourceEntry.page")} />
          </div>
        </fieldset>
        <div className={styles.actions}>
          <button type="submit" className="btn btn--primary" disabled={form.formState.isSubmitting}>
            {t("claims.submit")}
          </button>
          <Link href={`/agreements/${agreementId}`} className="btn">
            {t("evidence.form.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
