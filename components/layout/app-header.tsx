import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { setLocaleAction, signOutAction } from "@/app/actions";
import { getDb } from "@/db/app-db";
import { unreadCount } from "@/lib/notifications";
import { HeaderNav, NavLink, type NavItem } from "./header-nav";
import { LanguageSwitch } from "./language-switch";

export async function AppHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations();
  const unread = await unreadCount(await getDb(), user);
  const actor = { ...user, active: true };
  const official = user.roles.includes("municipal_official");
  const staff = user.roles.some((r) => r === "analyst" || r === "reviewer" || r === "admin");
  const items: NavItem[] = [
    ...(official ? [{ href: "/home", label: t("shell.home") }] : []),
    { href: "/agreements", label: t("nav.agreements") },
    { href: "/dashboard", label: t("dashboard.nav") },
    { href: "/organizations", label: t("registry.nav.organizations") },
    { href: "/sources", label: t("sources.nav") },
    { href: "/review", label: staff ? t("review.title") : t("shell.proposals") },
    { href: "/activity", label: t("activity.title") },
    ...(can(actor, "campaign.read") ? [{ href: "/campaigns", label: t("campaigns.nav") }] : []),
    ...(can(actor, "user.manage") ? [{ href: "/admin/users", label: t("admin.nav"), also: ["/admin"] }] : []),
  ];
  const roleText = `${user.roles.map((r) => t(`roles.${r}`)).join(", ")}${user.organizationName ? `, ${user.organizationName}` : ""}`;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      {user.isDemo && <div className="demo-banner">{t("nav.demoNotice")}</div>}
      <header className="app-header">
        <div className="app-header__inner">
          <Link href={official ? "/home" : "/agreements"} className="app-header__brand">
            {t("app.name")}
          </Link>
          <HeaderNav items={items} navLabel={t("shell.mainNav")} menuLabel={t("shell.menu")}>
            <div className="app-header__user">
              <NavLink href="/notifications" aria-label={`${t("notifications.title")}: ${t("notifications.unread", { count: unread })}`}>
                {t("notifications.title")}
                {unread > 0 && (
                  <span className="notification-count" data-testid="notification-count">
                    {unread}
                  </span>
                )}
              </NavLink>
              <NavLink href="/account">{t("account.nav")}</NavLink>
              <span className="app-header__who" title={`${user.name} (${roleText})`}>
                <span className="app-header__name">{user.name}</span>{" "}
                <span className="role">({roleText})</span>
              </span>
              <LanguageSwitch action={setLocaleAction} />
              <form action={signOutAction}>
                <button type="submit" className="btn btn--small">
                  {t("nav.signOut")}
                </button>
              </form>
            </div>
          </HeaderNav>
        </div>
      </header>
    </>
  );
}
