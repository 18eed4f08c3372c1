import { useTranslations } from "next-intl";
import type { EventStatus } from "@/lib/domain/enums";
import { stateAfter } from "@/lib/domain/status";

export function StatusBadge({ status }: { status: EventStatus | null }) {
  const t = useTranslations("status");
  // No event yet: its own look (white, dashed), never the grey of "vilande".
  if (!status) return <span className="badge badge--none">{t("none")}</span>;
  return <span className={`badge badge--${stateAfter(status)}`}>{t(status)}</span>;
}
