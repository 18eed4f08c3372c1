"use client";

import { useTranslations } from "next-intl";
import { PartialDateField } from "@/components/events/partial-date-field";
import { SourceUsesFieldset } from "@/components/events/source-uses-fieldset";
import type { DuplicatesAt, UploadProblemAt } from "@/lib/events/evidence";
import type { SourcePick } from "@/lib/sources/search";
import styles from "./agreement-form.module.css";

/**
 * The new-agreement form's first status: its establishment (Active), with the date at the
 * precision the source gives and its sources, through the same date field and source fieldset
 * the status-change form uses. Left empty, the agreement is saved incomplete.
 */
export function FirstStatusFieldset({
  search,
  files,
  setFiles,
  duplicates,
  clearDuplicates,
  uploadProblems,
}: {
  search: (q: string) => Promise<SourcePick[]>;
  files: Record<string, File[]>;
  setFiles: (key: string, files: File[]) => void;
  duplicates: DuplicatesAt[];
  clearDuplicates: (index: number) => void;
  uploadProblems: UploadProblemAt[];
}) {
  const t = useTranslations();
  return (
    <fieldset className={`card ${styles.section}`} data-testid="first-status">
      <legend>{t("registry.form.firstStatus.title", { status: t("status.active") })}</legend>
      <p className={`field-hint ${styles.intro}`}>{t("registry.form.firstStatus.intro", { none: t("status.none") })}</p>
      <PartialDateField name="firstStatus.effective" label={t("registry.form.firstStatus.date")} hint={t("registry.form.firstStatus.dateHint")} />
      <SourceUsesFieldset
        name="firstStatus.sources"
        legend={t("registry.form.firstStatus.sources")}
        hint={t("registry.form.firstStatus.sourcesHint")}
        search={search}
        files={files}
        setFiles={setFiles}
        duplicates={duplicates}
        clearDuplicates={clearDuplicates}
        uploadProblems={uploadProblems}
      />
    </fieldset>
  );
}
