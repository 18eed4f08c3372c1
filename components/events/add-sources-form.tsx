"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormProvider, useForm, type Resolver } from "react-hook-form";
import type { SourcePick } from "@/lib/sources/search";
import { addEventSourcesSchema } from "@/lib/validation/events";
import { newEntry, type SourceEntryValues } from "./form-values";
import { SourceUsesFieldset } from "./source-uses-fieldset";
import { useEvidenceSubmit, type EvidenceResult } from "./use-evidence-submit";
import styles from "./forms.module.css";

interface Values {
  eventId: string;
  sources: SourceEntryValues[];
}

/** Adds sources (and their files) to a recorded event. */
export function AddSourcesForm({
  eventId,
  submit,
  search,
  cancelHref,
}: {
  eventId: string;
  submit: (fd: FormData) => Promise<EvidenceResult>;
  search: (q: string) => Promise<SourcePick[]>;
  cancelHref: string;
}) {
  const t = useTranslations();
  const form = useForm<Values>({
    resolver: zodResolver(addEventSourcesSchema) as unknown as Resolver<Values>,
    defaultValues: { eventId, sources: [newEntry("existing")] },
  });
  const { files, setFiles, failure, duplicates, clearDuplicates, onSubmit } = useEvidenceSubmit(form, submit);
  return (
    <FormProvider {...form}>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t("evidence.addSources.title")}>
        <div id="form-alert" tabIndex={-1}>
          {failure && (
            <div role="alert" className="alert alert--error" data-testid="form-alert">
              {t.has(failure.message) ? t(failure.message) : failure.message}
            </div>
          )}
        </div>
        <SourceUsesFieldset
          search={search}
          files={files}
          setFiles={setFiles}
          duplicates={duplicates}
          clearDuplicates={clearDuplicates}
          uploadProblems={failure?.uploadProblems ?? []}
        />
        <div className={styles.actions}>
          <button type="submit" className="btn btn--primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("evidence.form.saving") : t("evidence.addSources.submit")}
          </button>
          <Link href={cancelHref} className="btn">
            {t("evidence.form.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
