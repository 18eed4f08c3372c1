import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dashboardParams } from "@/lib/dashboard/query";
import type { ReportFigures } from "@/lib/dashboard/report-figures";
import styles from "./dashboard.module.css";

const NOTES = new Set(["twin2016", "total2016", "pauses2017to2021", "endings2017to2021", "total2021"]);

/** The report's headline figures next to the registry's, each linked to the agreements behind it. */
export async function ReportFiguresTable({
  report,
  drill = true,
  followsPage = true,
}: {
  report: ReportFigures;
  /** Link each value to the staff drill-down. */
  drill?: boolean;
  /** False when the page shows a day, a recorded-on day or a selection, which these figures do not follow. */
  followsPage?: boolean;
}) {
  const t = await getTranslations("dashboard.report");
  const note = t as unknown as (key: string, values: Record<string, number>) => string;
  return (
    <section className={styles.section} aria-labelledby="report-figures" data-testid="report-figures">
      <h2 id="report-figures">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {!followsPage && (
        <p className="alert alert--info" data-testid="report-figures-scope">
          {t("notFollowing")}
        </p>
      )}
      <div className="table-wrap">
        <table className={`data ${styles.report}`}>
          <thead>
            <tr>
              <th scope="col">{t("figure")}</th>
              <th scope="col" className="num">
                {t("computed")}
              </th>
              <th scope="col" className="num">
                {t("reportValue")}
              </th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {report.figures.map((f) => {
              const matches = f.value === f.report;
              return (
                <tr key={f.id} data-testid={`report-${f.id}`}>
                  <th scope="row">
                    {t(`figures.${f.id}`)}
                    {NOTES.has(f.id) && (
                      <p className="muted" style={{ fontWeight: 400, margin: "0.25rem 0 0", fontSize: "0.85rem" }}>
                        {note(`notes.${f.id}`, { count: report.endedUnknown2016 })}
                      </p>
                    )}
                  </th>
                  <td className="num">
                    {drill ? (
                      <Link href={`/dashboard/drilldown?${dashboardParams({}, f.drilldown)}`} data-testid="report-value">
                        {f.value}
                      </Link>
                    ) : (
                      <span data-testid="report-value">{f.value}</span>
                    )}
                  </td>
                  <td className="num">
                    {f.report}
                    {f.reportText !== undefined && <div className="muted">({t("textSays", { value: f.reportText })})</div>}
                  </td>
                  <td className={styles.status}>
                    <span className={matches ? styles.match : styles.differs}>{matches ? `✓ ${t("matches")}` : `≠ ${t("differs")}`}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
