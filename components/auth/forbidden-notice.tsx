import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import styles from "./forbidden-notice.module.css";

/** The 403 page's content: what happened, who you are signed in as, and where to go. */
export async function ForbiddenNotice() {
  const t = await getTranslations();
  const user = await getCurrentUser();
  return (
    <section className={`card ${styles.notice}`} aria-labelledby="forbidden-title">
      <p className={styles.code}>403</p>
      <h1 id="forbidden-title">{t("errors.forbiddenTitle")}</h1>
      <p>{t("errors.forbidden")}</p>
      {user && (
        <p className="muted">
          {t("security.signedInAs", {
            name: user.name,
            roles: user.roles.map((r) => t(`roles.${r}`)).join(", "),
          })}{" "}
          {t("security.askAdmin")}
        </p>
      )}
      <p>
        <Link href="/agreements" className="btn btn--primary">
          {t("security.backToAgreements")}
        </Link>
      </p>
    </section>
  );
}
