import { getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboard/chart-card";
import { changesViews, inForceViews, type Translate } from "@/components/dashboard/view-models";
import type { PublicDashboardData } from "@/lib/public/dashboard";
import type { DashboardQuery } from "@/lib/dashboard/query";
import type { DataStamp } from "@/lib/public/release-status";
import { EmbedCode } from "./embed-code";

export const PUBLIC_CHARTS = ["in-force", "changes"] as const;
export type PublicChartId = (typeof PUBLIC_CHARTS)[number];

/** The report's diagrams 4 (agreements in force per year) and 5 (endings and pauses per year), from the register. */
export async function PublicChart({ chart, data, q, stamp, embed = false }: { chart: PublicChartId; data: PublicDashboardData; q: DashboardQuery; stamp: DataStamp; embed?: boolean }) {
  const t = await getTranslations();
  const tr = t as unknown as Translate;
  const sourceLine = stamp.release ? t("publish.chart.sourceRelease", { release: stamp.release }) : t("publish.chart.sourceDate", { date: stamp.date });
  const tools = embed ? undefined : <EmbedCode path={`/inbaddning/${chart}`} />;
  const [views, key] = chart === "in-force" ? [inForceViews(data.inForce, q, tr), "inForce"] : [changesViews(data.changes, q, tr), "changesChart"];
  return (
    <ChartCard
      id={chart}
      title={t(`dashboard.${key}.title`)}
      description={t(`dashboard.${key}.description`)}
      views={views}
      categoryLabel={t(`dashboard.${key}.year`)}
      viewsLabel={t("dashboard.chart.splitBy")}
      sourceLine={sourceLine}
      extraTools={tools}
    />
  );
}
