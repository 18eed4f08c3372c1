"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { EVENT_STATUSES, INITIATORS, REASONS, type EventStatus } from "@/lib/domain/enums";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { checkTransition, neighbours, type HistoryEvent } from "@/lib/events/transitions";
import type { SourcePick } from "@/lib/sources/search";
import { correctEventSchema, logStatusChangeSchema } from "@/lib/validation/events";
import { partialDateProblem, toPartialDate, type PartialDateInput } from "@/lib/validation/partial-date-input";
import { FieldError } from "./field-error";
import { errorAt, fieldId } from "./form-helpers";
import { PartialDateField } from "./partial-date-field";
import { RefusalMessage, useEventRef } from "./refusal-message";
import type { SourceEntryValues, StatusChangeValues } from "./form-values";
import { SourceUsesFieldset } from "./source-uses-fieldset";
import { TextField } from "./text-field";
import { useEvidenceSubmit, type EvidenceResult } from "./use-evidence-submit";
import styles from "./forms.module.css";

/**
 * Logging a status change, or correcting one (mode "correct", pre-filled from the wrong event).
 * The rules are checked in the browser as the user types (the same pure function the server
 * runs), and again by the server, whose refusal comes back into the form with nothing lost.
 */
export function StatusChangeForm({
  mode,
  defaults,
  history,
  submit,
  search,
  cancelHref,
  supersededSummary,
}: {
  mode: "log" | "correct";
  defaults: StatusChangeValues;
  history: HistoryEvent[];
  submit: (fd: FormData) => Promise<EvidenceResult>;
  search: (q: string) => Promise<SourcePick[]>;
  cancelHref: string;
  supersededSummary?: React.ReactNode;
}) {
  const t = useTranslations();
  const form = useForm<StatusChangeValues>({
    resolver: zodResolver(mode === "log" ? logStatusChangeSchema : correctEventSchema) as unknown as Resolver<StatusChangeValues>,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { register, formState, control } = form;
  const { files, setFiles, failure, duplicates, clearDuplicates, onSubmit } = useEvidenceSubmit(form, submit);
  const [status, effective, reasons, sources] = useWatch({ control, name: ["status", "effective", "reasons", "sources"] }) as [
    StatusChangeValues["status"],
    PartialDateInput,
    string[],
    SourceEntryValues[],
  ];
  const statusId = fieldId("status");
  const statusError = errorAt(formState.errors, "status");

  return (
    <FormProvider {...form}>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t(mode === "log" ? "evidence.log.title" : "evidence.correct.title")}>
        <div id="form-alert" tabIndex={-1} aria-live="assertive">
          {failure && (
            <div role="alert" className={`alert alert--error ${styles.alert}`} data-testid="form-alert">
              {failure.refusal ? (
                <>
                  <strong>{t("evidence.refusal.title")}</strong>
                  <RefusalMessage refusal={failure.refusal} agreementId={defaults.agreementId} />
                </>
              ) : failure.correctedBy ? (
                <p>{t("evidence.correct.alreadyCorrected", { name: failure.correctedBy.recordedByName, status: t(`status.${failure.correctedBy.status}`) })}</p>
              ) : (
                <p>{t.has(failure.message) ? t(failure.message) : failure.message}</p>
              )}
            </div>
          )}
        </div>

        {mode === "correct" && (
          <>
            <div className={styles.supersedes}>
              <strong>{t("evidence.correct.of")}:</strong> {supersededSummary}
            </div>
            <TextField name="correctionReason" label={t("evidence.correct.reason")} hint={t("evidence.correct.reasonHint")} multiline required />
          </>
        )}

        <div className={styles.grid2}>
          <div className={styles.field}>
            <label htmlFor={statusId}>
              {t("evidence.fields.status")} <span aria-hidden="true">*</span>
            </label>
            <select id={statusId} aria-invalid={statusError ? "true" : "false"} aria-describedby={statusError ? `${statusId}-error` : undefined} {...register("status")}>
              <option value="">{t("evidence.fields.statusPlaceholder")}</option>
              {EVENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
            <FieldError id={`${statusId}-error`} message={statusError} />
          </div>
          <PartialDateField name="effective" label={t("evidence.fields.effective")} hint={t("evidence.fields.effectiveHint")} />
        </div>
        <TransitionHint history={history} status={status} effective={effective} supersedesId={defaults.supersedesId} agreementId={defaults.agreementId} />

        <fieldset>
          <legend>{t("evidence.fields.reasons")}</legend>
          <div className={styles.checks}>
            {REASONS.map((r) => (
              <label key={r}>
                <input type="checkbox" value={r} {...register("reasons")} /> {t(`reason.${r}`)}
              </label>
            ))}
          </div>
          {reasons?.includes("other") && <TextField name="reasonOther" label={t("evidence.fields.reasonOther")} required />}
        </fieldset>

        <div className={styles.grid2}>
          <TextField name="decidedBy" label={t("evidence.fields.decidedBy")} hint={t("evidence.fields.decidedByHint")} />
          <div className={styles.field}>
            <label htmlFor={fieldId("initiatedBy")}>{t("evidence.fields.initiatedBy")}</label>
            <select id={fieldId("initiatedBy")} {...register("initiatedBy")}>
              {INITIATORS.map((i) => (
                <option key={i} value={i}>
                  {t(`initiator.${i}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField name="note" label={t("evidence.fields.note")} multiline wide />
        </div>

        <SourceUsesFieldset
          search={search}
          files={files}
          setFiles={setFiles}
          duplicates={duplicates}
          clearDuplicates={clearDuplicates}
          uploadProblems={failure?.uploadProblems ?? []}
          hint={t("evidence.fields.sourcesHint")}
        />

        {(sources?.length ?? 0) === 0 && (
          <label style={{ display: "flex", gap: "0.5rem", alignItems: "baseline" }}>
            <input type="checkbox" {...register("saveAsDraft")} />
            <span>
              {t("evidence.fields.saveAsDraft")}
              <br />
              <span className="muted">{t("evidence.fields.saveAsDraftHint")}</span>
            </span>
          </label>
        )}

        <div className={styles.actions}>
          <button type="submit" className="btn btn--primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("evidence.form.saving") : t(mode === "log" ? "evidence.log.submit" : "evidence.correct.submit")}
          </button>
          <Link href={cancelHref} className="btn">
            {t("evidence.form.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}

/** The rules' verdict on what is typed so far, before anything is sent. */
function TransitionHint({
  history,
  status,
  effective,
  supersedesId,
  agreementId,
}: {
  history: HistoryEvent[];
  status: EventStatus | "";
  effective: PartialDateInput | undefined;
  supersedesId?: string;
  agreementId: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const name = useEventRef();
  if (!status || !effective || partialDateProblem(effective, { required: false }) !== null) return null;
  const date = toPartialDate(effective);
  const check = checkTransition(history, { status, effectiveOn: date.on, effectivePrecision: date.precision, supersedesId });
  if (check.ok) {
    const dated = formatPartialDate(date, locale, t("date.unknown"));
    const { previous } = neighbours(history, { status, effectiveOn: date.on, effectivePrecision: date.precision, supersedesId });
    return (
      <p className={styles.hintOk} role="status" data-testid="transition-hint">
        {previous ? t("evidence.hint.ok", { previous: name(previous) }) : t("evidence.hint.okFirst")} <span className="visually-hidden">({dated})</span>
      </p>
    );
  }
  return (
    <div className={styles.hintRefused} role="status" data-testid="transition-hint">
      <strong>{t("evidence.refusal.title")}</strong>
      <RefusalMessage refusal={check.refusal} agreementId={agreementId} />
    </div>
  );
}
