"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/enums";
import { SOURCE_KIND_FIELDS } from "@/lib/validation/sources";
import { FieldError } from "../events/field-error";
import { useFieldError } from "../events/error-gate";
import { fieldId } from "../events/form-helpers";
import { PartialDateField } from "../events/partial-date-field";
import { TextField } from "../events/text-field";
import styles from "../events/forms.module.css";

const REQUIRED: Record<SourceKind, readonly string[]> = {
  protocol: ["body"],
  email: ["correspondent", "date"],
  interview: ["interviewNumber", "interviewer", "date"],
  article: ["outlet", "title"],
  official_document: ["issuer", "title"],
  web_page: ["url"],
  publication: ["title"],
};
const DAY_FIELDS = new Set(["meetingDate", "publishedOn", "retrievedOn"]);

/** The fields of one source, for its kind: one schema (lib/validation/sources.ts) for every form that creates or edits sources. */
export function SourceFields({ prefix }: { prefix: string }) {
  const t = useTranslations();
  const { register, getValues, setValue } = useFormContext();
  const kind = (useWatch({ name: `${prefix}.kind` }) as SourceKind | undefined) ?? "protocol";
  const kindId = fieldId(`${prefix}.kind`);
  const kindError = useFieldError(`${prefix}.kind`);
  const required = REQUIRED[kind];
  const kindField = register(`${prefix}.kind`, {
    onChange: (e: { target: { value: SourceKind } }) => {
      const next = e.target.value;
      if ((next === "email" || next === "interview") && getValues(`${prefix}.date.precision`) === "unknown") setValue(`${prefix}.date.precision`, "day");
    },
  });
  return (
    <div className={styles.grid2}>
      <div className={styles.field}>
        <label htmlFor={kindId}>{t("sources.fields.kind")}</label>
        <select id={kindId} aria-invalid={kindError ? "true" : "false"} {...kindField}>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sourceKind.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${kindId}-error`} message={kindError} />
      </div>
      {SOURCE_KIND_FIELDS[kind].map((field) =>
        field === "date" ? (
          <div key={field} className={styles.wide}>
            <PartialDateField name={`${prefix}.date`} label={`${t("sources.fields.date")}${required.includes("date") ? " *" : ""}`} allowUnknown={!required.includes("date")} />
          </div>
        ) : (
          <TextField
            key={field}
            name={`${prefix}.${field}`}
            label={t(`sources.fields.${field}`)}
            hint={field === "body" ? t("sources.fields.bodyHint") : undefined}
            required={required.includes(field)}
            type={DAY_FIELDS.has(field) ? "date" : field === "url" ? "url" : "text"}
            inputMode={field === "interviewNumber" ? "numeric" : undefined}
            wide={field === "title" || field === "url" || field === "body"}
          />
        ),
      )}
      <TextField name={`${prefix}.citation`} label={t("sources.fields.citation")} hint={t("sources.fields.citationHint")} multiline wide />
    </div>
  );
}
