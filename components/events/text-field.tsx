"use client";

import { useFormContext } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import { useFieldError } from "./error-gate";
import { FieldError } from "./field-error";
import { fieldId } from "./form-helpers";
import styles from "./forms.module.css";

/** A labelled input or textarea bound to the surrounding form, with its hint and its error. */
export function TextField({
  name,
  label,
  hint,
  multiline,
  type = "text",
  required,
  wide,
  inputMode,
  maxLength,
}: {
  name: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  type?: "text" | "date" | "url";
  required?: boolean;
  wide?: boolean;
  inputMode?: "numeric" | "text" | "url";
  maxLength?: number;
}) {
  const { register } = useFormContext();
  const id = fieldId(name);
  const error = useFieldError(name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined;
  const common = { id, "aria-invalid": error ? ("true" as const) : ("false" as const), "aria-describedby": describedBy, "aria-required": required || undefined, ...register(name) };
  return (
    <div className={`${styles.field} ${wide ? styles.wide : ""}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea rows={3} maxLength={maxLength} {...common} />
      ) : type === "date" ? (
        <DateInput {...common} />
      ) : (
        <input type={type} inputMode={inputMode} maxLength={maxLength} {...common} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
