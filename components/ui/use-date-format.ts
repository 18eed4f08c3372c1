import { useLocale } from "next-intl";
import { dateFormat, type DateFormat } from "@/lib/i18n/date-format";

const byLocale = new Map<string, DateFormat>();

/** The one date-time format (lib/i18n/date-format.ts) in the current language, for components; the same object per language. */
export function useDateFormat(): DateFormat {
  const locale = useLocale();
  let dates = byLocale.get(locale);
  if (!dates) byLocale.set(locale, (dates = dateFormat(locale)));
  return dates;
}
