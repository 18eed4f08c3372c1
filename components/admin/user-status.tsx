import { getTranslations } from "next-intl/server";
import type { UserRow } from "@/lib/users/list";
import styles from "./admin.module.css";

export async function UserStatusBadges({ user }: { user: Pick<UserRow, "active" | "isDemo" | "isSystem"> & { pending?: boolean } }) {
  const t = await getTranslations("admin");
  const tAccounts = await getTranslations("accounts.invite");
  return (
    <span className={styles.roles}>
      {user.isSystem ? (
        <span className={`badge ${styles.badgeInactive}`}>{t("system")}</span>
      ) : (
        <span className={`badge ${user.active ? styles.badgeActive : styles.badgeInactive}`}>{user.active ? t("active") : t("inactive")}</span>
      )}
      {user.pending && !user.isSystem && <span className={`badge ${styles.badgeDemo}`}>{tAccounts("pending")}</span>}
      {user.isDemo && <span className={`badge ${styles.badgeDemo}`}>{t("demo")}</span>}
    </span>
  );
}
