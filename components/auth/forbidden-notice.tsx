import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { refusalReason } from "@/lib/auth/refusal";
import styles from "./forbidden-notice.module.css";

/** Swedish genitive: "Moras", but "Bengtsfors" and "Vaxholms stad" → "Vaxholms stads". */
function genitive(name: string, locale: string): string {
  if (locale !== "sv") return `${name}'s`;
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The 403 page's content: why (in words), who you are signed in as, and a way back. */
export async function ForbiddenNotice() {
  const [t, locale, user] = await Promise.all([getTranslations(), getLocale(), getCurrentUser()]);
  const reason = refusalReason();
  const why =
    reason?.action === "proposal.create" && reason.organizationName
      ? t("refusals.proposeOwnOrganization", { organization: genitive(reason.organizationName, locale) })
      : reason && t.has(`refusals.reasons.${reason.action.replace(".", "_")}`)
        ? t(`refusals.reasons.${reason.action.replace(".", "_")}`)
        : t("errors.forbidden");
  return (
    <section className={`card ${styles.notice}`} aria-labelledby="forbidden-title">
      <p className={styles.code}>403</p>
      <h1 id="forbidden-title">{t("errors.forbiddenTitle")}</h1>
      <p data-testid="refusal-reason">{why}</p>
      {user && (
        <p className="muted">
          {t("security.signedInAs", {
            name: user.name,
            roles: user.roles.map((r) => t(`roles.${r}`)).join(", "),
          })}{" "}
          {t("security.askAdmin")}
        </p>
      )}
      <p style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap" }}>
        {reason?.backHref && (
          <Link href={reason.backHref} className="btn">
            {t("refusals.back")}
          </Link>
        )}
        <Link href="/agreements" className="btn btn--primary">
          {t("refusals.toAgreements")}
        </Link>
      </p>
    </section>
  );
}
