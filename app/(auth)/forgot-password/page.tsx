import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/accounts/accounts.module.css";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("accounts.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <main id="main" className={styles.page}>
      <p className="muted">{t("app.name")}</p>
      <div className="card">
        <h1 style={{ marginTop: 0 }}>{t("accounts.forgot.title")}</h1>
        <p className="muted">{t("accounts.forgot.intro")}</p>
        <ForgotPasswordForm action={forgotPasswordAction} />
      </div>
      <p>
        <Link href="/login">← {t("accounts.forgot.back")}</Link>
      </p>
    </main>
  );
}
