import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AUDIT_ACTIONS } from "@/lib/auth/audit-actions";
import { DateInput } from "@/components/ui/date-input";
import styles from "./admin.module.css";

/** A plain GET form: the filters live in the address, so a filtered view can be linked and reloaded. */
export async function AuditFilters({ values }: { values: Record<string, string | undefined> }) {
  const t = await getTranslations("audit");
  return (
    <form method="get" action="/admin/audit" className={`card ${styles.filters}`} aria-label={t("filter")}>
      {values.userId && <input type="hidden" name="userId" value={values.userId} />}
      <div className="field">
        <label htmlFor="audit-action">{t("action")}</label>
        <select id="audit-action" name="action" defaultValue={values.action ?? ""}>
          <option value="">{t("allActions")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a.replace(".", "_")}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-q">{t("search")}</label>
        <input id="audit-q" name="q" type="search" defaultValue={values.q ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t("from")}</label>
        <DateInput id="audit-from" name="from" defaultValue={values.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t("to")}</label>
        <DateInput id="audit-to" name="to" defaultValue={values.to ?? ""} />
      </div>
      <div className={styles.filterActions}>
        <button type="submit" className="btn btn--primary">
          {t("filter")}
        </button>
        <Link href="/admin/audit" className="btn">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
