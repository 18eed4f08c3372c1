import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/accounts/set-password-form";
import styles from "@/components/accounts/accounts.module.css";
import { TokenRefusalNotice } from "@/components/accounts/token-refusal";
import { getDb } from "@/db/app-db";
import { checkToken } from "@/lib/accounts/tokens";
import { setPasswordAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("accounts.setPassword"))("titleInvite"), referrer: "no-referrer" };
}

/** Where an invitation or reset link lands. Opening it changes nothing (mail scanners open links too); saving uses it. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const checked = await checkToken(await getDb(), token, ["invite", "reset"]);
  return (
    <main id="main" className={styles.page}>
      <p className="muted">{t("app.name")}</p>
      {checked.ok ? (
        <div className="card">
          <h1 style={{ marginTop: 0 }}>{t(checked.token.purpose === "invite" ? "accounts.setPassword.titleInvite" : "accounts.setPassword.titleReset")}</h1>
          <p className="muted">{t("accounts.setPassword.intro", { email: checked.user.email })}</p>
          <SetPasswordForm token={token} email={checked.user.email} action={setPasswordAction} />
        </div>
      ) : (
        <TokenRefusalNotice reason={checked.reason} />
      )}
    </main>
  );
}
