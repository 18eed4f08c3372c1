"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Controller, FormProvider, useForm, useWatch, type Path, type Resolver } from "react-hook-form";
import { ForeignOrgFields } from "@/components/organizations/foreign-org-fields";
import { useForeignOptions, useSwedishOptions } from "@/components/organizations/org-options";
import { Combobox } from "@/components/ui/combobox";
import { describedBy, Field } from "@/components/ui/field";
import { clientFileProblem } from "@/components/events/file-list-input";
import type { SourceEntryValues } from "@/components/events/form-values";
import type { CreateAgreementResult } from "@/lib/agreements/create";
import type { DuplicatesAt, UploadProblemAt } from "@/lib/events/evidence";
import type { SourcePick } from "@/lib/sources/search";
import type { Conflict } from "@/lib/agreements/update";
import { AGREEMENT_KINDS } from "@/lib/domain/enums";
import type { ForeignOption, SwedishOption } from "@/lib/organizations/list";
import { agreementCreateSchema, agreementUpdateSchema, type AgreementInput } from "@/lib/validation/agreements";
import type { PartialDateInput } from "@/lib/validation/partial-date-input";
import { EMPTY_FOREIGN_ORGANIZATION, type ForeignOrganizationInput } from "@/lib/validation/organizations";
import type { AgreementEditResult } from "@/lib/review/edit-policy";
import { ConflictNotice } from "./conflict-notice";
import { FirstStatusFieldset } from "./first-status-fieldset";
import styles from "./agreement-form.module.css";

export type AgreementFormValues = AgreementInput & {
  id?: string;
  baseVersion?: number;
  reason?: string;
  /** Creating only: the first status (lib/validation/agreements.ts, firstStatusSchema). */
  firstStatus?: { effective: PartialDateInput; sources: SourceEntryValues[] };
};
export type AgreementFormResult = CreateAgreementResult | AgreementEditResult;

interface Props {
  mode: "create" | "edit";
  defaultValues: AgreementFormValues;
  swedish: SwedishOption[];
  foreign: ForeignOption[];
  canCreateOrganization: boolean;
  /** The values; or, when creating, FormData (the values as JSON under "payload", the first status's files under "file:<source index>"). */
  action: (input: AgreementFormValues | FormData) => Promise<AgreementFormResult>;
  cancelHref: string;
  /** Creating: finds existing sources for the first status. */
  searchSources?: (q: string) => Promise<SourcePick[]>;
}

/**
 * Create or edit an agreement. The zod schema checks in the browser; the server checks the same
 * schema again and answers field by field; what was typed stays in the form whatever the answer.
 */
export function AgreementForm({ mode, defaultValues, swedish, foreign, canCreateOrganization, action, cancelHref, searchSources }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const methods = useForm<AgreementFormValues>({
    resolver: zodResolver(mode === "edit" ? agreementUpdateSchema : agreementCreateSchema) as unknown as Resolver<AgreementFormValues>,
    defaultValues,
    // Checked when saved, then again as each field is corrected. (Checked on blur as well, the
    // blur of the field typed last raced the save's own check and dropped the other fields' errors.)
    mode: "onSubmit",
  });
  const { register, control, handleSubmit, setError, setFocus, setValue, getValues, formState } = methods;
  const { errors, isSubmitting } = formState;
  const [alert, setAlert] = useState<{ text: string; at: number; focus: boolean } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [done, setDone] = useState(false);
  // The first status's evidence: files per source entry (by its key), and the server's answer about them.
  const [files, setFilesState] = useState<Record<string, File[]>>({});
  const [duplicates, setDuplicates] = useState<DuplicatesAt[]>([]);
  const [uploadProblems, setUploadProblems] = useState<UploadProblemAt[]>([]);
  const withFirstStatus = mode === "create" && !!searchSources;
  const alertRef = useRef<HTMLDivElement>(null);
  const saved = useRef<{ id: string; org: ForeignOrganizationInput }>({ id: "", org: EMPTY_FOREIGN_ORGANIZATION });
  const foreignMode = useWatch({ control, name: "foreign.mode" });
  const swedishOptions = useSwedishOptions(swedish);
  const foreignOptions = useForeignOptions(foreign);

  const message = (path: string): string | null => {
    const node = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors) as { message?: string } | undefined;
    return node?.message ? t(node.message) : null;
  };

  const switchForeign = (next: "existing" | "new", name?: string) => {
    const current = getValues("foreign");
    if (current.mode === "existing") saved.current.id = current.id;
    else saved.current.org = current.org;
    const org = name === undefined ? saved.current.org : { ...saved.current.org, name };
    setValue("foreign", next === "existing" ? { mode: "existing", id: saved.current.id } : { mode: "new", org }, { shouldDirty: true });
  };
  // "Skapa ”Ningbo”" in the search: the new-party fields, with the typed name already in place.
  const createForeign = (name: string) => {
    switchForeign("new", name);
    requestAnimationFrame(() => document.getElementById("foreign-org-name")?.focus());
  };

  // The alert takes the focus only when no field does (react-hook-form focuses the first invalid field).
  const showAlert = (text: string, focus: boolean) => setAlert((prev) => ({ text, at: (prev?.at ?? 0) + 1, focus }));
  useEffect(() => {
    if (alert?.focus) alertRef.current?.focus();
  }, [alert]);

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      let payload: AgreementFormValues | FormData = values;
      if (withFirstStatus) {
        // The parsed values drop the entries' keys; the raw ones, in the same order, still have them.
        const raw = getValues("firstStatus.sources") ?? [];
        const chosen = raw.map((entry) => (entry.key ? (files[entry.key] ?? []) : []));
        if (chosen.flat().some((f) => clientFileProblem(f))) return;
        const fd = new FormData();
        fd.set("payload", JSON.stringify(values));
        chosen.forEach((list, i) => list.forEach((f) => fd.append(`file:${i}`, f, f.name)));
        payload = fd;
      }
      let result: AgreementFormResult;
      try {
        result = await action(payload);
      } catch {
        showAlert(t("registry.errors.server"), true);
        return;
      }
      if (result.ok) {
        setDone(true);
        if ("proposalId" in result) {
          router.push(`/review/${result.proposalId}`);
          return;
        }
        const notice = mode === "create" ? "created" : "changed" in result && result.changed.length === 0 ? "unchanged" : "saved";
        router.push(`/agreements/${result.id}?notice=${notice}`);
        router.refresh();
        return;
      }
      if (result.error === "conflict" && "conflict" in result) {
        setConflict(result.conflict);
        requestAnimationFrame(() => document.getElementById("conflict")?.focus());
        return;
      }
      setConflict(null);
      setDuplicates("duplicates" in result ? (result.duplicates ?? []) : []);
      setUploadProblems("uploadProblems" in result ? (result.uploadProblems ?? []) : []);
      const fieldErrors = "fieldErrors" in result ? (result.fieldErrors ?? {}) : {};
      const paths = Object.keys(fieldErrors);
      for (const path of paths) setError(path as Path<AgreementFormValues>, { type: "server", message: fieldErrors[path]![0] });
      let focused = false;
      if (paths[0]) {
        try {
          setFocus(paths[0] as Path<AgreementFormValues>);
          focused = true;
        } catch {
          /* a field without a focusable element */
        }
      }
      showAlert(t(result.message), !focused);
    },
    () => showAlert(t("registry.form.errorSummary"), false),
  );

  const keepMine = () => {
    if (!conflict) return;
    setValue("baseVersion", conflict.currentVersion);
    setConflict(null);
    void submit();
  };

  const swedishError = message("swedishOrgId");
  const foreignIdError = message("foreign.id");

  return (
    <FormProvider {...methods}>
      <form className={styles.form} onSubmit={submit} noValidate aria-label={mode === "create" ? t("registry.form.newTitle") : t("registry.form.editTitle")}>
        {alert && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={alertRef} data-testid="form-alert">
            {alert.text}
          </div>
        )}
        {conflict && (
          <ConflictNotice
            conflict={conflict}
            when={conflict.changedAt ? format.relativeTime(new Date(conflict.changedAt)) : ""}
            onKeepMine={keepMine}
            discardHref={cancelHref}
            pending={isSubmitting}
          />
        )}

        <fieldset className={`card ${styles.section}`}>
          <legend>{t("agreement.parties")}</legend>
          <Field id="swedishOrgId" label={t("registry.fields.swedishOrgId")} hint={t("registry.form.swedishHint")} error={swedishError} required>
            <Controller
              control={control}
              name="swedishOrgId"
              render={({ field }) => (
                <Combobox
                  id="swedishOrgId"
                  options={swedishOptions}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  placeholder={t("registry.form.swedishPlaceholder")}
                  invalid={!!swedishError}
                  describedBy={describedBy("swedishOrgId", true, !!swedishError)}
                  noMatches={t("registry.form.noMatches")}
                  countLabel={(count) => t("registry.form.matches", { count })}
                />
              )}
            />
          </Field>

          <fieldset className={styles.foreign}>
            <legend>
              {t("registry.fields.foreignOrgId")}
              <span aria-hidden="true" className="required-mark">
                {" "}
                *
              </span>
            </legend>
            {canCreateOrganization && (
              <div className={styles.segmented} role="radiogroup" aria-label={t("registry.form.foreignMode")}>
                {(["existing", "new"] as const).map((m) => (
                  <label key={m} className={foreignMode === m ? styles.segmentOn : undefined}>
                    <input type="radio" name="foreign-mode" value={m} checked={foreignMode === m} onChange={() => switchForeign(m)} />
                    {m === "existing" ? t("registry.form.foreignExisting") : t("registry.form.foreignNew")}
                  </label>
                ))}
              </div>
            )}
            {foreignMode === "existing" ? (
              <Field id="foreign-id" label={<span className="visually-hidden">{t("registry.fields.foreignOrgId")}</span>} error={foreignIdError}>
                <Controller
                  control={control}
                  name="foreign.id"
                  render={({ field }) => (
                    <Combobox
                      id="foreign-id"
                      options={foreignOptions}
                      value={(field.value as string) ?? ""}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      placeholder={t("registry.form.foreignPlaceholder")}
                      invalid={!!foreignIdError}
                      describedBy={describedBy("foreign-id", false, !!foreignIdError)}
                      noMatches={t("registry.form.noMatches")}
                      countLabel={(count) => t("registry.form.matches", { count })}
                      create={
                        canCreateOrganization
                          ? { label: (name) => t("registry.form.createForeign", { name }), description: t("registry.form.createForeignHint"), onCreate: createForeign }
                          : undefined
                      }
                    />
                  )}
                />
              </Field>
            ) : (
              <div className={styles.newForeign}>
                <p className="field-hint">{t("registry.form.foreignNewHint")}</p>
                <ForeignOrgFields prefix="foreign.org." idPrefix="foreign-org" parents={foreign} />
              </div>
            )}
          </fieldset>
        </fieldset>

        <fieldset className={`card ${styles.section}`}>
          <legend>{t("agreement.details")}</legend>
          <div className={styles.grid}>
            <Field id="kind" label={t("registry.fields.kind")} error={message("kind")} required>
              <select id="kind" aria-invalid={message("kind") ? "true" : "false"} aria-describedby={describedBy("kind", false, !!message("kind"))} {...register("kind")}>
                {AGREEMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="established" label={t("registry.fields.established")} hint={t("registry.form.establishedHint")} error={message("established")}>
              <input
                id="established"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t("registry.form.establishedPlaceholder")}
                aria-invalid={message("established") ? "true" : "false"}
                aria-describedby={describedBy("established", true, !!message("established"))}
                {...register("established")}
              />
            </Field>
          </div>
          <Field id="designation" label={t("registry.fields.designation")} error={message("designation")}>
            <input
              id="designation"
              type="text"
              autoComplete="off"
              aria-invalid={message("designation") ? "true" : "false"}
              aria-describedby={describedBy("designation", false, !!message("designation"))}
              {...register("designation")}
            />
          </Field>
          <Field id="funding" label={t("registry.fields.funding")} error={message("funding")}>
            <input id="funding" type="text" autoComplete="off" aria-invalid={message("funding") ? "true" : "false"} aria-describedby={describedBy("funding", false, !!message("funding"))} {...register("funding")} />
          </Field>
          <Field id="areas" label={t("registry.fields.areas")} hint={t("registry.form.areasHint")} error={message("areas")}>
            <textarea id="areas" rows={3} aria-invalid={message("areas") ? "true" : "false"} aria-describedby={describedBy("areas", true, !!message("areas"))} {...register("areas")} />
          </Field>
          <Field id="notes" label={t("registry.fields.notes")} error={message("notes")}>
            <textarea id="notes" rows={5} aria-invalid={message("notes") ? "true" : "false"} aria-describedby={describedBy("notes", false, !!message("notes"))} {...register("notes")} />
          </Field>
          {mode === "edit" && (
            <Field id="reason" label={t("registry.form.reason")} hint={t("registry.form.reasonHint")} error={message("reason")}>
              <input id="reason" type="text" autoComplete="off" aria-invalid={message("reason") ? "true" : "false"} aria-describedby={describedBy("reason", true, !!message("reason"))} {...register("reason")} />
            </Field>
          )}
        </fieldset>

        {withFirstStatus && (
          <FirstStatusFieldset
            search={searchSources!}
            files={files}
            setFiles={(key, next) => setFilesState((f) => ({ ...f, [key]: next }))}
            duplicates={duplicates}
            clearDuplicates={(index) => setDuplicates((d) => d.filter((x) => x.sourceIndex !== index))}
            uploadProblems={uploadProblems}
          />
        )}

        <div className="btn-row">
          <button type="submit" className="btn btn--primary" disabled={isSubmitting || done}>
            {isSubmitting || done ? t("registry.form.saving") : mode === "create" ? t("registry.form.create") : t("registry.form.save")}
          </button>
          <Link className="btn" href={cancelHref}>
            {t("registry.form.cancel")}
          </Link>
          <span className="field-hint">
            <span aria-hidden="true" className="required-mark">
              *
            </span>{" "}
            {t("registry.form.required")}
          </span>
        </div>
      </form>
    </FormProvider>
  );
}
