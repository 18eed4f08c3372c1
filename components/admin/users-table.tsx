import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import type { UserRow } from "@/lib/users/list";
import styles from "./admin.module.css";
import { UserStatusBadges } from "./user-status";

export async function UsersTable({ rows, currentUserId }: { rows: UserRow[]; currentUserId: string }) {
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  return (
    <div className="table-wrap">
      <table className="data" aria-label={t("admin.usersTitle")}>
        <thead>
          <tr>
            <th scope="col">{t("admin.name")}</th>
            <th scope="col">{t("admin.email")}</th>
            <th scope="col">{t("admin.roles")}</th>
            <th scope="col">{t("admin.organization")}</th>
            <th scope="col">{t("admin.status")}</th>
            <th scope="col">{t("admin.lastSignIn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id} className={u.active ? undefined : styles.inactiveRow} data-testid="user-row">
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                {u.id === currentUserId && <span className="muted"> ({t("admin.you")})</span>}
              </td>
              <td className={styles.mono}>{u.email}</td>
              <td>{u.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
              <td>{u.organizationName}</td>
              <td>
                <UserStatusBadges user={u} />
              </td>
              <td className={styles.nowrap}>
                {u.lastSignInAt ? dates.moment(u.lastSignInAt) : <span className="muted">{t("admin.never")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
