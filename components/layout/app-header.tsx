import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { setLocaleAction, signOutAction } from "@/app/actions";
import { getDb } from "@/db/app-db";
import { unreadCount } from "@/lib/notifications";
import { LanguageSwitch } from "./language-switch";

export async function AppHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations();
  const unread = await unreadCount(await getDb(), user.id);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      {user.isDemo && <div className="demo-banner">{t("nav.demoNotice")}</div>}
      <header className="app-header">
        <div className="app-header__inner">
          <Link href="/agreements" className="app-header__brand">
            {t("app.name")}
          </Link>
          <nav aria-label="Huvudmeny">
            <ul>
              <li>
                <Link href="/agreements">{t("nav.agreements")}</Link>
              </li>
              <li>
                <Link href="/dashboard">{t("dashboard.nav")}</Link>
              </li>
              <li>
                <Link href="/organizations">{t("registry.nav.organizations")}</Link>
              </li>
              <li>
                <Link href="/sources">{t("sources.nav")}</Link>
              </li>
              <li>
                <Link href="/review">{t("review.title")}</Link>
              </li>
              <li>
                <Link href="/activity">{t("activity.title")}</Link>
              </li>
              {can({ ...user, active: true }, "user.manage") && <li><Link href="/admin/users">{t("admin.nav")}</Link></li>}
            </ul>
          </nav>
          <div className="app-header__user">
            <Link href="/notifications" aria-label={`${t("notifications.title")}: ${t("notifications.unread", { count: unread })}`}>
              {t("notifications.title")}
              {unread > 0 && (
                <span className="notification-count" data-testid="notification-count">
                  {unread}
                </span>
              )}
            </Link>
            <span>
              {user.name}{" "}
              <span className="role">
                ({user.roles.map((r) => t(`roles.${r}`)).join(", ")}
                {user.organizationName ? `, ${user.organizationName}` : ""})
              </span>
            </span>
            <LanguageSwitch action={setLocaleAction} />
            <form action={signOutAction}>
              <button type="submit" className="btn btn--small">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
    </>
  );
}
