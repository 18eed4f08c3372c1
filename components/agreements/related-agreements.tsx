import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AgreementListRow } from "@/lib/agreements/list";
import { PartialDateText } from "./partial-date-text";
import { StatusBadge } from "./status-badge";
import styles from "./agreement-page.module.css";

/** A compact list of agreements, each named by the party that is not `side`. */
export function RelatedAgreements({ title, rows, side }: { title: string; rows: AgreementListRow[]; side: "swedish" | "foreign" }) {
  const t = useTranslations();
  return (
    <div className={styles.related}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t("registry.agreement.noRelated")}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/agreements/${r.id}`}>
                {side === "swedish" ? r.foreignName : r.swedishName}
                {side === "swedish" && r.foreignNameNative && (
                  <span className="native" lang="zh">
                    {" "}
                    {r.foreignNameNative}
                  </span>
                )}
              </Link>{" "}
              <span className="muted">
                {t(`kind.${r.kind}`)}, <PartialDateText on={r.establishedOn} precision={r.establishedPrecision} />
              </span>{" "}
              <StatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
