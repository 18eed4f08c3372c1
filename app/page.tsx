import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { stateTotals } from "@/components/dashboard/view-models";
import { PublicShell } from "@/components/public/public-shell";
import styles from "@/components/public/public.module.css";
import { publicOrigin } from "@/lib/public/origin";
import { publicDashboard } from "@/lib/public/pages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publish.home");
  return {
    metadataBase: new URL(await publicOrigin()),
    title: { absolute: t("title") },
    description: t("description"),
    alternates: { canonical: "/" },
    openGraph: { title: t("title"), description: t("description"), url: "/", type: "website", siteName: "Avtalsregistret" },
  };
}

/** The public start page: what the register is, a search, today's figures, and the ways in. */
export default async function Home() {
  const [{ data }, t] = await Promise.all([publicDashboard(), getTranslations()]);
  const totals = stateTotals(data.now);
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  const inForce = (totals.active ?? 0) + (totals.dormant ?? 0) + (totals.paused ?? 0) + (totals.partially_terminated ?? 0);
  return (
    <PublicShell>
      <section className={styles.hero}>
        <h1>{t("publish.home.heading")}</h1>
        <p className={styles.lead}>{t("publish.home.lead")}</p>
        <form action="/avtal" method="get" role="search" className={styles.search}>
          <label htmlFor="home-search" className="visually-hidden">
            {t("publish.home.searchLabel")}
          </label>
          <input id="home-search" name="q" type="search" placeholder={t("publish.home.searchPlaceholder")} />
          <button type="submit" className="btn btn--primary">
            {t("publish.home.search")}
          </button>
        </form>
      </section>
      <ul className={styles.figures}>
        <li className={`card ${styles.figure}`}>
          <span className={styles.figureValue}>{all}</span>
          <span>{t("publish.home.agreements")}</span>
        </li>
        <li className={`card ${styles.figure}`}>
          <span className={styles.figureValue}>{inForce}</span>
          <span>{t("publish.home.inForce")}</span>
        </li>
        <li className={`card ${styles.figure}`}>
          <span className={styles.figureValue}>{totals.ended ?? 0}</span>
          <span>{t("publish.home.ended")}</span>
        </li>
      </ul>
      <div className={styles.links}>
        <section className="card">
          <h2>
            <Link href="/avtal">{t("publish.nav.register")}</Link>
          </h2>
          <p>{t("publish.home.registerText")}</p>
        </section>
        <section className="card">
          <h2>
            <Link href="/statistik">{t("publish.nav.statistics")}</Link>
          </h2>
          <p>{t("publish.home.statisticsText")}</p>
        </section>
        <section className="card">
          <h2>
            <Link href="/data">{t("publish.nav.data")}</Link>
          </h2>
          <p>{t("publish.home.dataText")}</p>
        </section>
      </div>
    </PublicShell>
  );
}
