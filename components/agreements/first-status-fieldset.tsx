"use client";

import { useTranslations } from "next-intl";
import { PartialDateField } from "@/components/events/partial-date-field";
import { SourceUsesFieldset, type SourceUsesFieldsetProps } from "@/components/events/source-uses-fieldset";
import styles from "./agreement-form.module.css";

/**
 * The new-agreement form's first status: its establishment (Active), with the date at the
 * precision the source gives and its sources, through the same date field and source fieldset
 * the status-change form uses. Left empty, the agreement is saved incomplete. Takes the source
 * list's own props but where it sits and what it is called.
 */
export function FirstStatusFieldset(evidence: Omit<SourceUsesFieldsetProps, "name" | "legend" | "hint">) {
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
        {...evidence}
      />
    </fieldset>
  );
}
