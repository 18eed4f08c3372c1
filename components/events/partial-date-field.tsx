"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import { DATE_PRECISIONS, type DatePrecision } from "@/lib/domain/enums";
import { useFieldError } from "./error-gate";
import { FieldError } from "./field-error";
import { fieldId } from "./form-helpers";
import styles from "./forms.module.css";

/**
 * A date at the precision the source gives: the user chooses day, month, year or unknown, and
 * enters only that. Changing to a coarser precision keeps what still fits ("2020-05-03" → "2020-05").
 */
export function PartialDateField({ name, label, hint, allowUnknown = true }: { name: string; label: string; hint?: string; allowUnknown?: boolean }) {
  const t = useTranslations("evidence.fields");
  const { register, setValue, getValues } = useFormContext();
  const precision = (useWatch({ name: `${name}.precision` }) as DatePrecision | undefined) ?? "unknown";
  const id = fieldId(name);
  const error = useFieldError(`${name}.value`, `${name}.precision`, name);

  const precisionField = register(`${name}.precision`, {
    onChange: (e: { target: { value: DatePrecision } }) => {
      const next = e.target.value;
      const value = String(getValues(`${name}.value`) ?? "");
      const keep = next === "year" ? 4 : next === "month" ? 7 : next === "day" ? 10 : 0;
      const fits = next === "unknown" ? "" : value.length >= keep ? value.slice(0, keep) : "";
      setValue(`${name}.value`, fits, { shouldDirty: true });
    },
  });
  return (
    <fieldset className={styles.dateField} aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}>
      <legend>{label}</legend>
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      <div className={styles.dateRow}>
        <label className={styles.inline}>
          <span className="visually-hidden">{t("precision")}</span>
          <select aria-label={`${label}: ${t("precision")}`} {...precisionField}>
            {DATE_PRECISIONS.filter((p) => allowUnknown || p !== "unknown").map((p) => (
              <option key={p} value={p}>
                {t(`precisionOption.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {precision !== "unknown" && (
          <label className={styles.inline}>
            <span className="visually-hidden">{t(`dateValue.${precision}`)}</span>
            <DateInput
              precision={precision}
              aria-label={`${label}: ${t(`dateValue.${precision}`)}`}
              aria-invalid={error ? "true" : "false"}
              {...register(`${name}.value`)}
            />
          </label>
        )}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
