import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import type { Metadata } from "next";
import { PublishReleaseForm } from "@/components/public/publish-release-form";
import styles from "@/components/public/public.module.css";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { TABLES } from "@/lib/public/dataset";
import { LICENSES } from "@/lib/public/license";
import { listReleases } from "@/lib/public/open-data";
import { citationText, JSON_NAME, XLSX_NAME } from "@/lib/public/package";
import { publicOrigin } from "@/lib/public/origin";
import { getSetting } from "@/lib/settings";
import { publishReleaseAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publish.data");
  return {
    title: t("title"),
    description: t("description"),
    alternates: { canonical: "/data", types: { "application/ld+json": "/data/latest/dcat.jsonld" } },
    openGraph: { title: t("title"), description: t("description"), url: "/data" },
  };
}

export default async function DataPage() {
  const db = await getDb();
  const [t, locale, releases, license, user, origin] = await Promise.all([getTranslations(), getLocale(), listReleases(db), getSetting(db, "dataLicense"), getCurrentUser(), publicOrigin()]);
  const dates = dateFormat(locale);
  const latest = releases[0];
  const base = "/data/latest";
  const year = new Date().getUTCFullYear();
  const sameYear = releases.filter((r) => r.version.startsWith(`${year}.`)).map((r) => Number(r.version.split(".")[1]));
  const nextVersion = `${year}.${Math.max(0, ...sameYear) + 1}`;
  const citation = citationText({ version: latest?.version ?? "current", asOf: latest?.dataAsOf ?? new Date(), origin, license });
  const mayPublish = can(user && { ...user, active: true }, "release.publish");
  return (
    <>
      <h1>{t("publish.data.title")}</h1>
      <p className={styles.lead}>{t("publish.data.intro")}</p>
      <p>
        {t("publish.data.license")}{" "}
        <a href={LICENSES[license].url} rel="license noreferrer">
          {LICENSES[license].title}
        </a>
        . {latest ? t("publish.data.latestIs", { version: latest.version }) : t("publish.data.noRelease")}
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="downloads">
          <h2 id="downloads">{t("publish.data.downloads")}</h2>
          <ul className={styles.files}>
            <li>
              <a href={`${base}/${XLSX_NAME}`} download data-testid="download-xlsx">
                {t("publish.data.xlsx")}
              </a>
            </li>
            {TABLES.map((table) => (
              <li key={table.name}>
                <a href={`${base}/${table.name}.csv`} download data-testid={`download-${table.name}-csv`}>
                  {t("publish.data.csv", { table: table.name })}
                </a>{" "}
                <span className="muted">— {table.title}</span>
              </li>
            ))}
            <li>
              <a href={`${base}/${JSON_NAME}`} download data-testid="download-json">
                {t("publish.data.json")}
              </a>
            </li>
            <li>
              <a href={`${base}/datapackage.json`} data-testid="download-datapackage">
                {t("publish.data.datapackage")}
              </a>
            </li>
            <li>
              <a href={`${base}/dcat.jsonld`}>{t("publish.data.dcat")}</a>
            </li>
          </ul>
          <p className="muted">{t("publish.data.currentHint")}</p>
        </section>
        <section className="card" aria-labelledby="cite-data">
          <h2 id="cite-data">{t("publish.data.cite")}</h2>
          <p data-testid="data-citation">{citation}</p>
          <ul className={styles.files}>
            <li>
              <a href={`${base}/CITATION.cff`} download>
                CITATION.cff
              </a>
            </li>
            <li>
              <a href={`${base}/citation.bib`} download>
                BibTeX
              </a>
            </li>
          </ul>
        </section>
      </div>
      <section aria-labelledby="releases">
        <h2 id="releases">{t("publish.data.releases")}</h2>
        <div className="card">
          {releases.length === 0 ? (
            <p className="muted">{t("publish.data.noRelease")}</p>
          ) : (
            <ul className={styles.files}>
              {releases.map((r) => (
                <li key={r.version}>
                  <Link href={`/data/releases/${r.version}`}>{t("publish.release.name", { version: r.version })}</Link>{" "}
                  <span className="muted">
                    {dates.momentDay(r.publishedAt)} — {r.note}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {mayPublish && (
            <>
              <h3>{t("publish.release.title")}</h3>
              <PublishReleaseForm publish={publishReleaseAction} nextVersion={nextVersion} />
            </>
          )}
        </div>
      </section>
    </>
  );
}
