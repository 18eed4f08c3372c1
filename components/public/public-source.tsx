import { useTranslations } from "next-intl";
import type { PublicSourceUse } from "@/lib/public/sources";
import { PartialDateText } from "@/components/agreements/partial-date-text";

/** A source on a public page: in full when public; a confidential one only as its kind and year. */
export function PublicSourceItem({ use }: { use: PublicSourceUse }) {
  const t = useTranslations();
  const s = use.source;
  if (s.visibility === "confidential") {
    const kind = t(`sourceKind.${s.kind}`).toLocaleLowerCase();
    return (
      <li data-testid="confidential-source">
        {s.year ? t("publish.source.confidential", { kind, year: s.year }) : t("publish.source.confidentialNoYear", { kind })}
      </li>
    );
  }
  return (
    <li>
      <span className="badge badge--kind">{t(`sourceKind.${s.kind}`)}</span>{" "}
      {s.url ? (
        <a href={s.url} rel="noreferrer noopener">
          {s.citation}
        </a>
      ) : (
        s.citation
      )}
      {use.page && <span className="muted"> ({t("agreement.page", { page: use.page })})</span>}
      {s.retrievedOn && (
        <span className="muted">
          {" "}
          ({t("agreement.retrieved", { date: "" }).trim()} <PartialDateText on={s.retrievedOn} precision="day" />)
        </span>
      )}
      {use.quote && <blockquote>”{use.quote}”</blockquote>}
    </li>
  );
}
