import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UsersTable } from "@/components/admin/users-table";
import styles from "@/components/admin/admin.module.css";
import { requirePagePermission } from "@/lib/auth/page";
import { listUsers } from "@/lib/users/list";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("usersTitle") };
}

export default async function UsersPage() {
  const ctx = await requirePagePermission("user.manage");
  const t = await getTranslations("admin");
  const tAccounts = await getTranslations("accounts.invite");
  const rows = await listUsers({ ctx });
  return (
    <>
      <div className={styles.pageHead}>
        <div>
          <h1>{t("usersTitle")}</h1>
          <p className="muted">{t("usersCount", { count: rows.length })}</p>
        </div>
        <div className="btn-row">
          <Link href="/admin/users/invite" className="btn btn--primary">
            {tAccounts("titleAdmin")}
          </Link>
          <Link href="/admin/users/new" className="btn">
            {t("newUser")}
          </Link>
        </div>
      </div>
      <UsersTable rows={rows} currentUserId={ctx.user.id} />
    </>
  );
}
