import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import type { AuditRow } from "@/lib/auth/audit-list";
import styles from "./admin.module.css";

type T = Awaited<ReturnType<typeof getTranslations>>;
type F = ReturnType<typeof dateFormat>;

/** The audit entries as a table: what, when, by whom, on which account, from where. */
export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  if (rows.length === 0) return <p className="muted">{t("audit.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="data" aria-label={t("audit.title")}>
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.typedEmail")}</th>
            <th scope="col">{t("audit.ip")}</th>
            <th scope="col">{t("audit.details")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="audit-row">
              <td className={styles.nowrap}>
                <time dateTime={r.at.toISOString()}>{dates.moment(r.at)}</time>
              </td>
              <td>{t(`audit.actions.${r.action.replace(".", "_")}`)}</td>
              <td>
                {r.actor ? (
                  <Link href={`/admin/users/${r.actor.id}`}>{r.actor.name}</Link>
                ) : (
                  // A failed sign-in's author is whoever typed the email; an account made at start or by the command has none.
                  <span className="muted">{r.action.startsWith("auth.") ? t("audit.unknownActor") : t("audit.system")}</span>
                )}
              </td>
              <td>{r.target ? <Link href={`/admin/users/${r.target.id}`}>{r.target.name}</Link> : null}</td>
              <td className={styles.mono}>{r.email}</td>
              <td className={styles.mono}>{r.ip}</td>
              <td>{describeDetails(r, t, dates)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function describeDetails(row: AuditRow, t: T, dates: F): string | null {
  const d = row.details ?? {};
  const roles = (value: unknown) => (Array.isArray(value) ? value.map((r) => t(`roles.${r}`)).join(", ") : "");
  switch (row.action) {
    case "auth.sign_in_failed":
      return typeof d.reason === "string" ? t(`audit.reasons.${d.reason}`) : null;
    case "auth.lockout":
      return t("audit.lockedUntil", {
        scope: t(`audit.lockScope.${d.scope === "ip" ? "ip" : "email"}`),
        until: typeof d.lockedUntil === "string" ? dates.time(new Date(d.lockedUntil)) : "?",
        failures: Number(d.failures ?? 0),
      });
    case "user.create":
      return [roles(d.roles), d.via === "command" || d.via === "environment" ? t(`audit.via.${d.via}`) : null].filter(Boolean).join(" · ");
    case "user.roles_change": {
      const before = d.before as { roles?: unknown } | undefined;
      const after = d.after as { roles?: unknown } | undefined;
      return t("audit.rolesChange", { before: roles(before?.roles), after: roles(after?.roles) });
    }
    case "user.invite":
      return [roles(d.roles), d.renewed === true ? t("audit.renewed") : null].filter(Boolean).join(" · ");
    case "user.password_set":
      return d.via === "invite" || d.via === "reset" ? t(`audit.passwordVia.${d.via}`) : null;
    case "user.email_change":
      return t("audit.rolesChange", { before: String(d.before ?? ""), after: String(d.after ?? "") });
    case "user.email_change_request":
      return typeof d.newEmail === "string" ? `→ ${d.newEmail}` : null;
    case "user.deactivate":
    case "user.reactivate":
      return typeof d.reason === "string" ? t("audit.reason", { reason: d.reason }) : null;
    default:
      return null;
  }
}
