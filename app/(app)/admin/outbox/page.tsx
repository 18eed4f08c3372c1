import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import styles from "@/components/admin/admin.module.css";
import { requirePagePermission } from "@/lib/auth/page";
import { env } from "@/lib/env";
import { listOutbox, outboxFilterSchema } from "@/lib/mail/list";

export async function generateMetadata() {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePagePermission("outbox.read");
  const t = await getTranslations("outbox");
  const dates = dateFormat(await getLocale());
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = outboxFilterSchema.safeParse(raw);
  const page = await listOutbox({ ctx, input: parsed.success ? parsed.data : {} });
  // With a mail server the links (they carry single-use tokens) belong to their recipients only.
  const showLinks = !env().SMTP_URL;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{showLinks ? t("introNoSmtp") : t("introSmtp")}</p>
      {page.rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label={t("title")}>
            <thead>
              <tr>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("attempts")}</th>
                <th scope="col">{t("link")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((m) => (
                <tr key={m.id} data-testid="outbox-row">
                  <td className={styles.nowrap}>
                    <time dateTime={m.createdAt.toISOString()}>{dates.moment(m.createdAt)}</time>
                  </td>
                  <td className={styles.mono}>{m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}</td>
                  <td>
                    {m.subject}
                    <div className="muted">{t.has(`kinds.${m.kind}`) ? t(`kinds.${m.kind}`) : m.kind}</div>
                  </td>
                  <td>
                    {t(`states.${m.state}`)}
                    {m.lastError && <div className="muted">{m.lastError}</div>}
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.link ? showLinks ? <a href={m.link}>{t("follow")}</a> : <span className="muted">{t("linkHidden")}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextBefore && (
        <nav className={styles.pager} aria-label={t("title")}>
          <Link href={`/admin/outbox?before=${encodeURIComponent(page.nextBefore.toISOString())}`}>{t("older")} →</Link>
        </nav>
      )}
    </>
  );
}
