import { useLocale, useTranslations } from "next-intl";
import type { DatePrecision } from "@/lib/domain/enums";
import { formatPartialDate } from "@/lib/domain/partial-date";

/** Shows a date at its real precision: a year stays a year, an unknown date says so. */
export function PartialDateText({ on, precision }: { on: string | null; precision: DatePrecision | null }) {
  const locale = useLocale();
  const t = useTranslations("date");
  const text = formatPartialDate({ on, precision: precision ?? "unknown" }, locale, t("unknown"));
  return on ? <time dateTime={on.slice(0, precision === "year" ? 4 : precision === "month" ? 7 : 10)}>{text}</time> : <span className="muted">{text}</span>;
}
