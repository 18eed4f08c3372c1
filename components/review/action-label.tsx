import { useTranslations } from "next-intl";
import { EVENT_STATUSES, type EventStatus } from "@/lib/domain/enums";

/** Words an `entity.verb` action code (revisions, events, proposals) for people; unknown codes show as they are. */
export function ActionLabel({ action }: { action: string }) {
  const t = useTranslations();
  const status = action.replace(/^(agreement\.status_|event\.)/, "");
  if (action !== status && (EVENT_STATUSES as readonly string[]).includes(status)) {
    return <>{t("history.statusChange", { status: t(`status.${status as EventStatus}`) })}</>;
  }
  const key = `history.actions.${action}`;
  return <>{t.has(key) ? t(key as "history.statusChange") : action}</>;
}
