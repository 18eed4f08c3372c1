import { getTranslations } from "next-intl/server";
import styles from "@/components/accounts/accounts.module.css";
import { ChangeEmailForm } from "@/components/accounts/change-email-form";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { requirePagePermission } from "@/lib/auth/page";
import { changePasswordAction, requestEmailChangeAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** "Mitt konto": one's own password and address. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { user } = await requirePagePermission("account.update");
  const { changed } = await searchParams;
  const t = await getTranslations("account");
  return (
    <div className={styles.account}>
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro", { name: user.name, email: user.email })}</p>
      </div>
      {changed === "password" && (
        <div role="status" className="alert alert--success" data-testid="password-changed">
          {t("saved")}
        </div>
      )}
      <section className="card" aria-labelledby="account-password">
        <h2 id="account-password" style={{ marginTop: 0 }}>
          {t("passwordTitle")}
        </h2>
        <p className="muted">{t("passwordIntro")}</p>
        <ChangePasswordForm email={user.email} action={changePasswordAction} />
      </section>
      <section className="card" aria-labelledby="account-email">
        <h2 id="account-email" style={{ marginTop: 0 }}>
          {t("emailTitle")}
        </h2>
        <p className="muted">{t("emailIntro")}</p>
        <ChangeEmailForm action={requestEmailChangeAction} />
      </section>
    </div>
  );
}
