import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import type { Metadata } from "next";
import styles from "@/components/public/public.module.css";
import { releaseChangeDetail } from "@/lib/public/release-change-detail";
import { getDb } from "@/db/app-db";
import { getRelease, type ReleaseChanges } from "@/lib/public/open-data";

type Params = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("publish.release");
  const { version } = await params;
  return { title: t("name", { version }), alternates: { canonical: `/data/releases/${version}` } };
}

const SECTIONS: (keyof Omit<ReleaseChanges, "first">)[] = ["agreementsAdded", "statusChanges", "corrections", "agreementsEdited", "sourcesAdded"];

export default async function ReleasePage({ params }: Params) {
  const { version } = await params;
  const r = await getRelease(await getDb(), version);
  if (!r) notFound();
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const dates = dateFormat(locale);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/data">← {t("publish.data.title")}</Link>
      </p>
      <h1>{t("publish.release.name", { version: r.version })}</h1>
      <p className={styles.lead}>{r.note}</p>
      <p className="muted">
        {t("publish.release.publishedAt", { at: dates.moment(r.publishedAt) })} · SHA-256 <code data-testid="release-hash">{r.contentHash}</code>
      </p>
      <section aria-labelledby="notes">
        <h2 id="notes">{r.changes.first ? t("publish.release.firstNotes") : t("publish.release.notes")}</h2>
        <div className="card" data-testid="release-notes">
          {SECTIONS.map((key) => (
            <div key={key}>
              <h3>
                {t(`publish.release.changes.${key}`)} ({r.changes[key].length})
              </h3>
              {r.changes[key].length > 0 && !r.changes.first && (
                <ul>
                  {r.changes[key].map((c) => (
                    <li key={c.id}>
                      {c.title === "confidential" ? t("publish.source.confidentialShort") : c.title}
                      {c.detail && <span className="muted"> — {releaseChangeDetail(key, c.detail, t)}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="files">
        <h2 id="files">{t("publish.release.files")}</h2>
        <div className="card table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("publish.release.file")}</th>
                <th scope="col" className="num">
                  {t("publish.release.size")}
                </th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {r.files.map((f) => (
                <tr key={f.name}>
                  <th scope="row">
                    <a href={`/data/releases/${r.version}/${f.name}`} download>
                      {f.name}
                    </a>
                  </th>
                  <td className="num">{format.number(f.sizeBytes)}</td>
                  <td>
                    <code>{f.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
