"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/media-types";
import type { ActionResult } from "@/lib/actions/result";
import { EVENT_STATUSES, INITIATORS, REASONS } from "@/lib/domain/enums";
import { parsePartialDate } from "@/lib/domain/partial-date";
import { proposalFormSchema, toProposalInput, type ProposalFormValues } from "@/lib/validation/proposals";
import { SourceFields } from "../sources/source-fields";
import { ActionMessage } from "./action-message";

export interface ProposalFormAgreement {
  id: string;
  version: number;
  current: { designation: string | null; established: string | null; funding: string | null; areas: string[]; notes: string | null };
}

interface Props {
  agreement: ProposalFormAgreement;
  initial: ProposalFormValues;
  /** Set when revising an existing proposal. */
  reviseId?: string;
  create: (form: FormData) => Promise<ActionResult<{ id: string }>>;
  revise: (proposalId: string, form: FormData, comment?: string) => Promise<ActionResult<unknown>>;
}

export function ProposalForm({ agreement, initial, reviseId, create, revise }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<ProposalFormValues>({ resolver: zodResolver(proposalFormSchema), defaultValues: initial });
  const {
    register,
    handleSubmit,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const mode = useWatch({ control, name: "mode" });
  const effective = useWatch({ control, name: "effective" });
  const precision = (() => {
    try {
      return parsePartialDate(effective).precision;
    } catch {
      return null;
    }
  })();

  const onSubmit = handleSubmit(async (values) => {
    const form = new FormData();
    form.set("input", JSON.stringify(toProposalInput(values, agreement)));
    if (values.mode === "status" && file) form.append("file", file);
    const r = reviseId ? await revise(reviseId, form, values.summary) : await create(form);
    setResult(r);
    if (r.ok) {
      const id = reviseId ?? (r.data as { id: string } | undefined)?.id;
      if (id) router.push(`/review/${id}`);
    }
  });

  const err = (name: keyof ProposalFormValues) => {
    const message = errors[name]?.message as string | undefined;
    return message ? (
      <span id={`${name}-error`} className="field-error">
        {t.has(message) ? t(message) : message}
      </span>
    ) : null;
  };
  const text = (name: keyof ProposalFormValues, label: string, type = "text", extra?: React.ReactNode) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} type={type} aria-invalid={errors[name] ? "true" : "false"} aria-describedby={errors[name] ? `${name}-error` : undefined} {...register(name)} />
      {extra}
      {err(name)}
    </div>
  );

  return (
    <FormProvider {...form}>
    <form className="form" style={{ maxWidth: 720 }} onSubmit={onSubmit} noValidate>
      <fieldset className="card">
        <legend className="visually-hidden">{t("review.propose.title")}</legend>
        <label style={{ marginRight: "1.5rem" }}>
          <input type="radio" value="status" {...register("mode")} /> {t("review.propose.statusChange")}
        </label>
        <label>
          <input type="radio" value="fields" {...register("mode")} /> {t("review.propose.fieldChange")}
        </label>
      </fieldset>

      {mode === "status" ? (
        <>
          <fieldset className="card form" style={{ maxWidth: "none" }}>
            <legend>{t("review.propose.statusChange")}</legend>
            <div className="field">
              <label htmlFor="status">{t("review.propose.status")}</label>
              <select id="status" {...register("status")}>
                {EVENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            {text(
              "effective",
              t("review.propose.date"),
              "text",
              <span className="muted" style={{ fontSize: "0.85rem" }}>
                {t("date.format.any")} · {t("review.propose.datePrecision")} {precision ? t(`review.propose.precision.${precision}`) : "–"}
              </span>,
            )}
            {text("decidedBy", t("review.propose.decidedBy"))}
            <div className="field">
              <label htmlFor="initiatedBy">{t("agreement.initiatedBy")}</label>
              <select id="initiatedBy" {...register("initiatedBy")}>
                {INITIATORS.map((i) => (
                  <option key={i} value={i}>
                    {t(`initiator.${i}`)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend>{t("review.propose.reasons")}</legend>
              {REASONS.map((r) => (
                <label key={r} style={{ display: "block" }}>
                  <input type="checkbox" value={r} {...register("reasons")} /> {t(`reason.${r}`)}
                </label>
              ))}
            </fieldset>
            {text("reasonOther", t("review.propose.reasonOther"))}
            <div className="field">
              <label htmlFor="note">{t("review.propose.note")}</label>
              <textarea id="note" rows={2} {...register("note")} />
              {err("note")}
            </div>
          </fieldset>
          <fieldset className="card form" style={{ maxWidth: "none" }}>
            <legend>{t("proposeEvidence.title")}</legend>
            <p className="muted" style={{ margin: 0 }}>
              {t("proposeEvidence.hint")}
            </p>
            <SourceFields prefix="source" />
            <input type="hidden" {...register("attachmentId")} />
            <div className="field">
              <label htmlFor="proposalFile">{t("proposeEvidence.file")}</label>
              <span className="field-hint">{t("proposeEvidence.fileHint")}</span>
              <input
                id="proposalFile"
                type="file"
                accept={ACCEPT_ATTRIBUTE}
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setValue("hasFile", !!chosen, { shouldValidate: false });
                }}
              />
              {initial.attachmentFilename && !file && <span className="muted">{initial.attachmentFilename}</span>}
            </div>
            <div className="field">
              <label htmlFor="quote">{t("proposeEvidence.quote")}</label>
              <textarea id="quote" rows={2} {...register("quote")} />
              {err("quote")}
            </div>
            {text("page", t("evidence.sourceEntry.page"))}
          </fieldset>
        </>
      ) : (
        <fieldset className="card form" style={{ maxWidth: "none" }}>
          <legend>{t("review.propose.fieldChange")}</legend>
          {text("designation", t("review.fields.designation"))}
          {text("established", t("review.fields.established"))}
          {text("funding", t("review.fields.funding"))}
          {text("areas", t("review.fields.areas"))}
          <div className="field">
            <label htmlFor="notes">{t("review.fields.notes")}</label>
            <textarea id="notes" rows={4} {...register("notes")} />
            {err("notes")}
          </div>
        </fieldset>
      )}
      {text("summary", t("review.propose.summary"))}
      <ActionMessage result={result && !result.ok ? result : null} agreementId={agreement.id} />
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {reviseId ? t("review.propose.submitRevision") : t("review.propose.submit")}
        </button>
      </div>
    </form>
    </FormProvider>
  );
}
