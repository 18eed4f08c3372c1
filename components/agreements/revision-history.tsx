import { useTranslations } from "next-intl";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { RevisionEntry } from "@/lib/agreements/history";
import { useFieldValue } from "./field-value";
import styles from "./agreement-page.module.css";

/** Every revision of the agreement, newest first: who, when, why, and each field before and after. */
export function RevisionHistory({ revisions }: { revisions: RevisionEntry[] }) {
  const t = useTranslations();
  const dates = useDateFormat();
  const show = useFieldValue();
  if (revisions.length === 0) return <p className="muted">{t("registry.agreement.noRevisions")}</p>;
  return (
    <ol className={styles.revisions}>
      {revisions.map((r) => {
        const verb = r.action.split(".").at(-1) ?? r.action;
        return (
          <li key={r.id} data-testid="revision">
            <p className={styles.revisionHead}>
              <strong>{t.has(`registry.agreement.action.${verb}`) ? t(`registry.agreement.action.${verb}`) : r.action}</strong>{" "}
              {t("registry.agreement.by", { name: r.actorName })},{" "}
              <time dateTime={r.at}>{dates.moment(new Date(r.at))}</time>
              {r.proposalId && <span className="badge badge--kind">{t("registry.agreement.viaProposal")}</span>}
            </p>
            {r.reason && <p className={styles.revisionReason}>{t("registry.agreement.reason", { reason: r.reason })}</p>}
            {r.changes.length > 0 && (
              <table className={`data ${styles.diff}`}>
                <thead>
                  <tr>
                    <th scope="col">{t("registry.agreement.field")}</th>
                    {r.action !== "agreement.create" && <th scope="col">{t("registry.agreement.before")}</th>}
                    <th scope="col">{t("registry.agreement.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{t(`registry.fields.${c.field}`)}</th>
                      {r.action !== "agreement.create" && <td className={styles.before}>{show(c.field, c.before)}</td>}
                      <td className={styles.after}>{show(c.field, c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}
