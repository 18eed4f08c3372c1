import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TokenRefusal } from "@/lib/accounts/tokens";

/** Why a link cannot be used, in words, and where to go instead. */
export async function TokenRefusalNotice({ reason }: { reason: TokenRefusal }) {
  const t = await getTranslations("accounts.token");
  return (
    <div className="card" data-testid="token-refused" data-reason={reason}>
      <h1 style={{ marginTop: 0 }}>{t("title")}</h1>
      <p role="alert">{t(reason)}</p>
      <p className="btn-row">
        {reason !== "inactive" && (
          <Link className="btn btn--primary" href="/forgot-password">
            {t("requestNew")}
          </Link>
        )}
        <Link className="btn" href="/login">
          {t("toLogin")}
        </Link>
      </p>
    </div>
  );
}
