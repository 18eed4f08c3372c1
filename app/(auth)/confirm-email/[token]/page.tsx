import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/accounts/accounts.module.css";
import { TokenRefusalNotice } from "@/components/accounts/token-refusal";
import { getDb } from "@/db/app-db";
import { checkToken, TOKEN_REFUSALS, type TokenRefusal } from "@/lib/accounts/tokens";
import { confirmEmailAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("accounts.confirmEmail"))("title"), referrer: "no-referrer" };
}

/** Where an address-change link lands: a button confirms (opening the link alone changes nothing). */
export default async function ConfirmEmailPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ outcome?: string; email?: string }> }) {
  const { token } = await params;
  const { outcome, email } = await searchParams;
  const t = await getTranslations();
  const shell = (body: React.ReactNode) => (
    <main id="main" className={styles.page}>
      <p className="muted">{t("app.name")}</p>
      {body}
    </main>
  );
  if (outcome === "done") {
    return shell(
      <div className="card">
        <h1 style={{ marginTop: 0 }}>{t("accounts.confirmEmail.title")}</h1>
        <p role="status">{t("accounts.confirmEmail.done", { email: email ?? "" })}</p>
        <Link className="btn btn--primary" href="/login">
          {t("accounts.token.toLogin")}
        </Link>
      </div>,
    );
  }
  if (outcome === "taken") return shell(<div className="card" role="alert">{t("accounts.confirmEmail.taken")}</div>);
  if (outcome && (TOKEN_REFUSALS as readonly string[]).includes(outcome)) return shell(<TokenRefusalNotice reason={outcome as TokenRefusal} />);
  const checked = await checkToken(await getDb(), token, ["email_change"]);
  if (!checked.ok) return shell(<TokenRefusalNotice reason={checked.reason} />);
  return shell(
    <div className="card">
      <h1 style={{ marginTop: 0 }}>{t("accounts.confirmEmail.title")}</h1>
      <p>{t("accounts.confirmEmail.intro", { email: checked.token.email })}</p>
      <form action={confirmEmailAction.bind(null, token)}>
        <button type="submit" className="btn btn--primary">
          {t("accounts.confirmEmail.submit")}
        </button>
      </form>
    </div>,
  );
}
