"use client";

import { useTranslations } from "next-intl";

/** A field's error, translated from its catalogue key; parameters for keys that take them. */
export function FieldError({ id, message, values }: { id: string; message: string | undefined; values?: Record<string, string | number> }) {
  const t = useTranslations();
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {t.has(message) ? t(message, values) : message}
    </span>
  );
}
