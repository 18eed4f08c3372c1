import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, Ref } from "react";

export type DateInputPrecision = "day" | "month" | "year";

const PATTERN: Record<DateInputPrecision, string> = { day: "[0-9]{4}-[0-9]{2}-[0-9]{2}", month: "[0-9]{4}-[0-9]{2}", year: "[0-9]{4}" };
const LENGTH: Record<DateInputPrecision, number> = { day: 10, month: 7, year: 4 };

/**
 * A date typed as text in the interface's own order and shown the same way in every browser:
 * ÅÅÅÅ-MM-DD in Swedish, YYYY-MM-DD in English (never the browser's mm/dd/yyyy). The value is
 * the ISO text the shared zod schemas check (lib/validation/partial-date-input.ts), so the form
 * and the server agree on what is a date.
 */
export function DateInput({
  precision = "day",
  ref,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { precision?: DateInputPrecision; ref?: Ref<HTMLInputElement> }) {
  const t = useTranslations("date.format");
  return (
    <input
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      pattern={PATTERN[precision]}
      maxLength={LENGTH[precision]}
      size={LENGTH[precision] + 2}
      placeholder={t(precision)}
      data-date-input={precision}
      {...props}
    />
  );
}
