import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { ActivationForm } from "@/components/admin/activation-form";
import styles from "@/components/admin/admin.module.css";
import { AuditTable } from "@/components/admin/audit-table";
import { RolesForm } from "@/components/admin/roles-form";
import { UserStatusBadges } from "@/components/admin/user-status";
import { listAuditLog } from "@/lib/auth/audit-list";
import { requirePagePermission } from "@/lib/auth/page";
import { getUser, listSwedishOrganizations } from "@/lib/users/list";
import { changeRolesAction, deactivateUserAction, reactivateUserAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("details") };
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const ctx = await requirePagePermission("user.manage");
  const { id } = await params;
  const { created } = await searchParams;
  const user = await getUser({ ctx, userId: id });
  if (!user) notFound();
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  const [organizations, history] = await Promise.all([listSwedishOrganizations({ ctx }), listAuditLog({ ctx, input: { userId: user.id, limit: 20 } })]);
  const editable = !user.isSystem;

  return (
    <>
      <p>
        <Link href="/admin/users">← {t("admin.back")}</Link>
      </p>
      {created && (
        <div role="status" className="alert alert--info" style={{ marginBottom: "1rem" }}>
          {t("admin.createdNotice")}
        </div>
      )}
      <div className={styles.pageHead}>
        <h1>{user.name}</h1>
        <UserStatusBadges user={user} />
      </div>
      <div className={styles.twoCol}>
        <section className="card" aria-labelledby="account-heading">
          <h2 id="account-heading" style={{ marginTop: 0 }}>
            {t("admin.details")}
          </h2>
          <dl className="facts">
            <dt>{t("admin.email")}</dt>
            <dd className={styles.mono}>{user.email}</dd>
            <dt>{t("admin.roles")}</dt>
            <dd>{user.roles.map((r) => t(`roles.${r}`)).join(", ")}</dd>
            {user.organizationName && (
              <>
                <dt>{t("admin.organization")}</dt>
                <dd>{user.organizationName}</dd>
              </>
            )}
            <dt>{t("admin.created")}</dt>
            <dd>{dates.moment(user.createdAt)}</dd>
            <dt>{t("admin.lastSignIn")}</dt>
            <dd>{user.lastSignInAt ? dates.moment(user.lastSignInAt) : t("admin.never")}</dd>
          </dl>
          {user.isSystem && <p className="muted">{t("admin.systemHint")}</p>}
        </section>
        {editable && (
          <section className="card" aria-labelledby="roles-heading">
            <h2 id="roles-heading" style={{ marginTop: 0 }}>
              {t("admin.changeRoles")}
            </h2>
            <RolesForm
              userId={user.id}
              roles={user.roles}
              organizationId={user.organizationId}
              organizations={organizations}
              action={changeRolesAction}
            />
          </section>
        )}
        {editable && (
          <section className="card" aria-labelledby="activation-heading">
            <h2 id="activation-heading" style={{ marginTop: 0 }}>
              {t("admin.activation")}
            </h2>
            <ActivationForm userId={user.id} userName={user.name} userEmail={user.email} active={user.active} action={user.active ? deactivateUserAction : reactivateUserAction} />
          </section>
        )}
      </div>
      <h2>{t("admin.history")}</h2>
      <AuditTable rows={history.rows} />
      <p>
        <Link href={`/admin/audit?userId=${user.id}`}>{t("admin.allHistory")}</Link>
      </p>
    </>
  );
}
