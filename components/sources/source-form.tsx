"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useForm, type Path, type Resolver } from "react-hook-form";
import type { DuplicateSource } from "@/lib/sources/duplicates";
import { createSourceSchema, updateSourceSchema } from "@/lib/validation/sources";
import type { FormResult } from "@/lib/validation/form-result";
import { TextField } from "../events/text-field";
import styles from "../events/forms.module.css";
import { DuplicateWarning } from "./duplicate-warning";
import { SourceFields } from "./source-fields";

interface Values {
  id?: string;
  version?: number;
  source: Record<string, unknown>;
  allowDuplicate: boolean;
  reason: string;
}

type Result = FormResult<{ id: string }, { duplicates: DuplicateSource[]; currentVersion: number }>;

/** Creating a source, or editing one (with the version it is based on and an optional reason). */
export function SourceForm({
  mode,
  defaults,
  submit,
  cancelHref,
}: {
  mode: "create" | "edit";
  defaults: Values;
  submit: (input: unknown) => Promise<Result>;
  cancelHref: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [failure, setFailure] = useState<Extract<Result, { ok: false }> | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(mode === "create" ? createSourceSchema : updateSourceSchema) as unknown as Resolver<Values>,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    let result: Result;
    try {
      result = await submit(values);
    } catch {
      setFailure({ ok: false, message: "evidence.form.failed" });
      return;
    }
    if (result.ok) {
      router.push(`/sources/${result.value.id}`);
      router.refresh();
      return;
    }
    setFailure(result);
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(path as Path<Values>, { type: "server", message: messages[0] });
  });
  return (
    <FormProvider {...form}>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t(mode === "create" ? "sources.create.title" : "sources.edit.title")}>
        {failure && !failure.duplicates && (
          <div role="alert" className="alert alert--error">
            {failure.message === "sources.errors.stale" ? t("sources.errors.stale", { current: failure.currentVersion ?? "?" }) : t.has(failure.message) ? t(failure.message) : failure.message}
          </div>
        )}
        <fieldset>
          <legend>{t("claims.source")}</legend>
          <SourceFields prefix="source" />
        </fieldset>
        {failure?.duplicates && (
          <DuplicateWarning
            duplicates={failure.duplicates}
            message={mode === "create" ? "sources.duplicate.found" : "sources.duplicate.foundOnEdit"}
            differentField={
              mode === "create" ? (
                <label style={{ display: "flex", gap: "0.5rem" }}>
                  <input type="checkbox" {...form.register("allowDuplicate")} /> {t("sources.duplicate.different")}
                </label>
              ) : null
            }
          />
        )}
        {mode === "edit" && <TextField name="reason" label={t("sources.edit.reason")} hint={t("sources.edit.reasonHint")} multiline />}
        <div className={styles.actions}>
          <button type="submit" className="btn btn--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("evidence.form.saving") : t(mode === "create" ? "sources.create.submit" : "sources.edit.submit")}
          </button>
          <Link href={cancelHref} className="btn">
            {t("evidence.form.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
