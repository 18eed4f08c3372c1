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
  id,
}: {
  source: Source;
  quote: string | null;
  page: string | null;
  attachments?: SourceAttachmentView[];
  linkToSource?: boolean;
  /** An anchor for references to this item (e.g. "ref-2" in a drill-down's numbered sources). */
  id?: string;
}) {
  const t = useTranslations();
  // The stored reference often says these already ("§ 142, Diarienummer: KS 2026/142", "(Hämtad: 2026-11-30)"): say them once.
  const says = (text: string | null) => !!text && source.citation.toLocaleLowerCase("sv").includes(text.toLocaleLowerCase("sv"));
  const paragraph = source.paragraph && !says(source.paragraph) ? source.paragraph : null;
  const diarienummer = source.diarienummer && !says(source.diarienummer) ? source.diarienummer : null;
  const retrieved = source.retrievedOn && !says(source.retrievedOn) && !/hämtad|retrieved/i.test(source.citation) ? source.retrievedOn : null;
  return (
    <li id={id}>
      <span className="badge badge--kind">{t(`sourceKind.${source.kind}`)}</span>{" "}
      {source.url ? (
        <a href={source.url} rel="noreferrer noopener" target="_blank">
          {source.citation}
        </a>
      ) : (
        source.citation
      )}
      {page && <span className="muted"> ({t("agreement.page", { page })})</span>}
      {source.kind === "protocol" && (paragraph || diarienummer) && (
        <span className="muted">
          {" "}
          — {[paragraph, diarienummer ? `${t("source.diarienummer")}: ${diarienummer}` : null].filter(Boolean).join(", ")}
        </span>
      )}
      {retrieved && (
        <span className="muted">
          {" "}
          ({t("agreement.retrieved", { date: "" }).trim()} <PartialDateText on={retrieved} precision="day" />)
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
