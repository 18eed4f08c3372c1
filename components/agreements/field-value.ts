import { useLocale, useTranslations } from "next-intl";
import type { AgreementField } from "@/lib/agreements/fields";
import { formatPartialDate, parsePartialDate } from "@/lib/domain/partial-date";

/** A field's value as a reader should see it: kinds translated, dates at their precision. */
export function useFieldValue() {
  const t = useTranslations();
  const locale = useLocale();
  return (field: AgreementField, value: string | null): string => {
    if (value === null || value === "") return t("registry.agreement.empty");
    if (field === "kind") return t.has(`kind.${value}`) ? t(`kind.${value}`) : value;
    if (field === "established") {
      try {
        return formatPartialDate(parsePartialDate(value), locale, t("date.unknown"));
      } catch {
        return value;
      }
    }
    if (field === "areas") return value.split("\n").join(", ");
    return value;
  };
}
