import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { PUBLIC_CHARTS, PublicChart, type PublicChartId } from "@/components/public/public-charts";
import styles from "@/components/public/public.module.css";
import { publicDashboard, publicDataStamp } from "@/lib/public/pages";

type Params = { params: Promise<{ chart: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("publish.embed");
  return { title: `${t("frameTitle")} (${(await params).chart})`, robots: { index: false } };
}

/** A public diagram alone, for other sites to put in an iframe (proxy.ts lets any site frame /inbaddning/). */
export default async function EmbeddedChart({ params }: Params) {
  const { chart } = await params;
  if (!(PUBLIC_CHARTS as readonly string[]).includes(chart)) notFound();
  const [{ q, data }, stamp, t] = await Promise.all([publicDashboard(), publicDataStamp(), getTranslations("publish.embed")]);
  return (
    <main id="main" className={styles.embed}>
      <PublicChart chart={chart as PublicChartId} data={data} q={q} stamp={stamp} embed />
      <p className="muted">
        <a href="/statistik" target="_blank" rel="noopener">
          {t("more")}
        </a>
      </p>
    </main>
  );
}
