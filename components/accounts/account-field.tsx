"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { describedBy } from "@/components/ui/field";

/** A labelled input of an account form, with its hint and its (catalogue-keyed) error. */
export function AccountField({
  id,
  name,
  label,
  type = "text",
  autoComplete,
  hint,
  register,
  errors,
  readOnly,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by forms whose fields differ
  register: UseFormRegister<any>;
  errors: FieldErrors;
  readOnly?: boolean;
  maxLength?: number;
}) {
  const t = useTranslations();
  const message = errors[name]?.message;
  const error = typeof message === "string" ? t(message as never) : null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        readOnly={readOnly}
        maxLength={maxLength}
        aria-invalid={error ? "true" : "false"}
        aria-describedby={describedBy(id, !!hint, !!error)}
        {...register(name)}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Shows the server's field errors next to what was typed. */
export function applyFieldErrors(fieldErrors: Record<string, string[]>, setError: (name: never, error: { message: string }) => void): void {
  for (const [field, messages] of Object.entries(fieldErrors)) if (messages[0]) setError(field as never, { message: messages[0] });
}
