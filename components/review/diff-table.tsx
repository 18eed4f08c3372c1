import { useTranslations } from "next-intl";
import type { FieldDiff } from "@/lib/review/diff";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.join(", ") || "–";
  return String(value);
}

export function DiffTable({ diff }: { diff: FieldDiff[] }) {
  const t = useTranslations("review");
  return (
    <div className="table-wrap">
      <table className="data" aria-label={t("diff")}>
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("base")}</th>
            <th scope="col">{t("current")}</th>
            <th scope="col">{t("proposed")}</th>
          </tr>
        </thead>
        <tbody>
          {diff.map((d) => (
            <tr key={d.field} data-testid="diff-row">
              <th scope="row">{t.has(`fields.${d.field}`) ? t(`fields.${d.field}` as "fields.kind") : d.field}</th>
              <td>{show(d.base)}</td>
              <td className={d.changedMeanwhile ? "diff-changed" : undefined}>
                {show(d.current)}
                {d.changedMeanwhile && <span className="muted"> ({t("changedMeanwhile")})</span>}
              </td>
              <td className="diff-proposed">{show(d.proposed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
