import { useTranslations } from "next-intl";
import { EVENT_STATUSES, type EventStatus } from "@/lib/domain/enums";

/**
 * Words an `entity.verb` action code (revisions, events, proposals) for people. A code without
 * words of its own reads as its entity's change ("Källan ändrades"), or as "Ändring": a code
 * is never shown (e2e/message-keys.spec.ts).
 */
export function ActionLabel({ action }: { action: string }) {
  const t = useTranslations();
  const status = action.replace(/^(agreement\.status_|event\.)/, "");
  if (action !== status && (EVENT_STATUSES as readonly string[]).includes(status)) {
    return <>{t("history.statusChange", { status: t(`status.${status as EventStatus}`) })}</>;
  }
  const key = `history.actions.${action}`;
  const entityKey = `history.actions.${action.split(".")[0]}.update`;
  return <>{t.has(key) ? t(key as "history.statusChange") : t.has(entityKey) ? t(entityKey as "history.statusChange") : t("history.otherChange")}</>;
}
