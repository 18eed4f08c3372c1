import { eq } from "drizzle-orm";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { getDb } from "@/db/app-db";
import { users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { signInAction } from "./actions";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeRedirectPath(callbackUrl));
  const t = await getTranslations();
  const db = await getDb();
  const demo = await db.select({ email: users.email }).from(users).where(eq(users.isDemo, true));
  const demoAccounts = DEMO_ACCOUNTS.filter((a) => demo.some((d) => d.email === a.email));
  return (
    <main id="main" className="login-page">
      <h1>{t("app.name")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>{t("auth.title")}</h2>
        <LoginForm action={signInAction} callbackUrl={callbackUrl} />
        <p style={{ marginBottom: 0 }}>
          <Link href="/forgot-password">{t("accounts.forgot.link")}</Link>
        </p>
      </div>
      {demoAccounts.length > 0 && (
        <div className="card" aria-label={t("auth.demoAccounts", { password: DEMO_PASSWORD })}>
          <p className="muted" style={{ marginTop: 0 }}>
            {t("auth.demoAccounts", { password: DEMO_PASSWORD })}
          </p>
          <ul>
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> – {t(`roles.${a.role}`)}
                {a.organization ? ` (${a.organization})` : ""}
              </li>
            ))}
          </ul>
          <p className="muted" style={{ marginBottom: 0 }}>
            {t("security.demoOnly")}
          </p>
        </div>
      )}
    </main>
  );
}
