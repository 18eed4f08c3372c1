import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Source } from "@/db/schema";
import type { SourceAttachmentView } from "@/lib/sources/get";
import { formatBytes } from "../events/form-helpers";
import { PartialDateText } from "../agreements/partial-date-text";
import styles from "./sources.module.css";

/**
 * One source as evidence: its kind, its reference, the quote and page it is used for, and, when
 * given, its files (downloadable by anyone signed in) and a link to the source's own page.
 */
export function SourceCitation({
  source,
  quote,
  page,
  attachments,
  linkToSource,
}: {
  source: Source;
  quote: string | null;
  page: string | null;
  attachments?: SourceAttachmentView[];
  linkToSource?: boolean;
}) {
  const t = useTranslations();
  return (
    <li>
      <span className="badge badge--kind">{t(`sourceKind.${source.kind}`)}</span>{" "}
      {source.url ? (
        <a href={source.url} rel="noreferrer noopener" target="_blank">
          {source.citation}
        </a>
      ) : (
        source.citation
      )}
      {page && <span className="muted"> ({t("agreement.page", { page })})</span>}
      {source.kind === "protocol" && (source.paragraph || source.diarienummer) && (
        <span className="muted">
          {" "}
          — {source.paragraph ? `${source.paragraph}` : ""}
          {source.diarienummer ? ` ${t("source.diarienummer")}: ${source.diarienummer}` : ""}
        </span>
      )}
      {source.retrievedOn && (
        <span className="muted">
          {" "}
          ({t("agreement.retrieved", { date: "" }).trim()} <PartialDateText on={source.retrievedOn} precision="day" />)
        </span>
      )}
      {linkToSource && (
        <>
          {" "}
          <Link href={`/sources/${source.id}`} className={styles.sourceLink}>
            {t("evidence.history.sourcePage")}
          </Link>
        </>
      )}
      {quote && <blockquote>”{quote}”</blockquote>}
      {attachments && attachments.length > 0 && <AttachmentLinks sourceId={source.id} attachments={attachments} />}
    </li>
  );
}

export function AttachmentLinks({ sourceId, attachments }: { sourceId: string; attachments: SourceAttachmentView[] }) {
  const t = useTranslations("evidence.history");
  return (
    <ul className={styles.files} aria-label={t("attachments")}>
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/api/attachments/${a.id}?source=${sourceId}`} download={a.filename} data-sha256={a.sha256}>
            {a.filename}
          </a>{" "}
          <span className="muted">
            ({a.mediaType.split("/")[1]?.replace("rfc822", "eml").toUpperCase()}, {formatBytes(a.sizeBytes)})
          </span>
        </li>
      ))}
    </ul>
  );
}
