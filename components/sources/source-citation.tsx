import { useTranslations } from "next-intl";
import type { Source } from "@/db/schema";
import { PartialDateText } from "../agreements/partial-date-text";

/** One source as evidence: its kind, its reference, the quote and page it is used for. */
export function SourceCitation({ source, quote, page }: { source: Source; quote: string | null; page: string | null }) {
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
      {quote && <blockquote>”{quote}”</blockquote>}
    </li>
  );
}
