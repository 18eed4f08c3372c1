import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { NavLink } from "@/components/layout/header-nav";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getCurrentUser } from "@/lib/auth/current-user";
import styles from "./public.module.css";

/**
 * The frame of the public pages: no sign-in needed. A signed-in user gets a link to the staff
 * view of the same record (`staffHref`), or to the staff start page.
 */
export async function PublicShell({ children, staffHref }: { children: React.ReactNode; staffHref?: string }) {
  const t = await getTranslations("publish");
  const user = await getCurrentUser();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="app-header app-header--public">
        <div className="app-header__inner">
          <Link href="/" className="app-header__brand">
            {t("nav.brand")}
          </Link>
          <nav aria-label={t("nav.label")}>
            <ul>
              <li>
                <NavLink href="/avtal">{t("nav.register")}</NavLink>
              </li>
              <li>
                <NavLink href="/statistik">{t("nav.statistics")}</NavLink>
              </li>
              <li>
                <NavLink href="/data">{t("nav.data")}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="app-header__user">
            <LanguageSwitch action={setLocaleAction} />
            {user ? (
              <Link href={staffHref ?? "/agreements"} className="btn btn--small" data-testid="staff-link">
                {t("nav.staffView")}
              </Link>
            ) : (
              <Link href="/login" className="btn btn--small">
                {t("nav.signIn")}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className={styles.footer}>
        <p>
          {t("footer.about")} <Link href="/data">{t("footer.license")}</Link>
        </p>
      </footer>
    </>
  );
}
