"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import type { DuplicatesAt, UploadProblemAt } from "@/lib/events/evidence";
import type { SourcePick } from "@/lib/sources/search";
import { DuplicateWarning } from "../sources/duplicate-warning";
import { SourceFields } from "../sources/source-fields";
import { SourcePicker } from "../sources/source-picker";
import { ErrorGate } from "./error-gate";
import { FieldError } from "./field-error";
import { errorAt, fieldId } from "./form-helpers";
import { FileListInput } from "./file-list-input";
import { newEntry, type SourceEntryValues } from "./form-values";
import { useUploadProblemText } from "./refusal-message";
import { TextField } from "./text-field";
import styles from "./forms.module.css";

export interface SourceUsesFieldsetProps {
  search: (q: string) => Promise<SourcePick[]>;
  files: Record<string, File[]>;
  setFiles: (key: string, files: File[]) => void;
  duplicates: DuplicatesAt[];
  clearDuplicates: (index: number) => void;
  uploadProblems: UploadProblemAt[];
  hint?: string;
  /** Where the list is in the form ("sources"; "firstStatus.sources" in the new-agreement form). */
  name?: string;
  legend?: string;
}

/**
 * The evidence part of a form: any number of sources, each an existing one picked by search or
 * a new one with its kind's fields, with quote, page and files. Files are kept under the entry's
 * own key, so removing an entry takes its files with it.
 */
export function SourceUsesFieldset({
  search,
  files,
  setFiles,
  duplicates,
  clearDuplicates,
  uploadProblems,
  hint,
  name = "sources",
  legend,
}: SourceUsesFieldsetProps) {
  const t = useTranslations("evidence");
  const tDuplicate = useTranslations("sources.duplicate");
  const { control, register, setValue, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name, control });
  const entries = (useWatch({ name }) as SourceEntryValues[] | undefined) ?? [];
  const uploadText = useUploadProblemText();
  const listError = errorAt(formState.errors, name);
  // The number of sends before each entry was added (by its key): its fields stay quiet until
  // left or sent again (see ErrorGate). Entries the form started with count from 0.
  const [addedAt, setAddedAt] = useState<Record<string, number>>({});
  const add = (mode: "existing" | "new") => {
    const entry = newEntry(mode);
    setAddedAt((at) => ({ ...at, [entry.key]: formState.submitCount }));
    append(entry);
  };

  return (
    <fieldset>
      <legend>{legend ?? t("fields.sources")}</legend>
      {hint && <p className="muted" style={{ marginTop: 0 }}>{hint}</p>}
      <div style={{ display: "grid", gap: "0.9rem" }}>
        {fields.map((field, i) => {
          const entry = entries[i];
          const fileKey = entry?.key ?? field.id;
          const mode = entry?.mode ?? "new";
          const dup = duplicates.find((d) => d.sourceIndex === i);
          return (
            <section key={field.id} className={styles.entry} aria-labelledby={`entry-${field.id}`} data-testid="source-entry">
              <ErrorGate sinceSubmit={addedAt[fileKey] ?? 0}>
                <div className={styles.entryHead}>
                  <h3 id={`entry-${field.id}`}>{t("sourceEntry.number", { n: i + 1 })}</h3>
                  <div className={styles.modes} role="group" aria-label={t("sourceEntry.number", { n: i + 1 })}>
                    {(["existing", "new"] as const).map((m) => (
                      <button key={m} type="button" className="btn btn--small" aria-pressed={mode === m} onClick={() => setValue(`${name}.${i}.mode`, m, { shouldDirty: true })}>
                        {t(`sourceEntry.${m}`)}
                      </button>
                    ))}
                  </div>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => {
                      setFiles(fileKey, []);
                      clearDuplicates(i);
                      remove(i);
                    }}
                  >
                    {t("sourceEntry.remove", { n: i + 1 })}
                  </button>
                </div>
                {mode === "existing" ? <SourcePicker prefix={`${name}.${i}`} search={search} /> : <SourceFields prefix={`${name}.${i}.source`} />}
                {mode === "new" && dup && (
                  <DuplicateWarning
                    duplicates={dup.sources}
                    onUse={(d) => {
                      setValue(`${name}.${i}.mode`, "existing");
                      setValue(`${name}.${i}.sourceId`, d.id);
                      setValue(`${name}.${i}.label`, d.citation);
                      clearDuplicates(i);
                    }}
                    differentField={
                      <label style={{ display: "flex", gap: "0.5rem" }}>
                        <input type="checkbox" {...register(`${name}.${i}.allowDuplicate`)} />
                        {tDuplicate("different")}
                      </label>
                    }
                  />
                )}
                <div className={styles.grid2}>
                  <TextField name={`${name}.${i}.quote`} label={t("sourceEntry.quote")} multiline wide />
                  <TextField name={`${name}.${i}.page`} label={t("sourceEntry.page")} maxLength={50} />
                </div>
                <FileListInput
                  files={files[fileKey] ?? []}
                  onChange={(next) => setFiles(fileKey, next)}
                  problems={uploadProblems.filter((p) => p.sourceIndex === i).map(uploadText)}
                />
              </ErrorGate>
            </section>
          );
        })}
      </div>
      <div className={styles.actions} style={{ marginTop: "0.8rem" }}>
        <button type="button" className="btn" onClick={() => add("existing")}>
          + {t("sourceEntry.addExisting")}
        </button>
        <button type="button" className="btn" onClick={() => add("new")}>
          + {t("sourceEntry.addNew")}
        </button>
      </div>
      <FieldError id={`${fieldId(name)}-error`} message={listError} />
      {uploadProblems
        .filter((p) => p.sourceIndex < 0)
        .map((p) => (
          <span key={p.problem.code} className="field-error" role="alert">
            {uploadText(p)}
          </span>
        ))}
    </fieldset>
  );
}
