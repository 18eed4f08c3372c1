import type { MetadataRoute } from "next";
import { getDb } from "@/db/app-db";
import { listReleases } from "@/lib/public/open-data";
import { publicAgreementList, publicOrganisationList } from "@/lib/public/pages";
import { publicOrigin } from "@/lib/public/origin";

export const dynamic = "force-dynamic";

/** Every public page: the start page, the register, each agreement and organisation, the statistics, the data and its releases. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const db = await getDb();
  const origin = await publicOrigin();
  const [agreements, organisations, releases] = await Promise.all([
    publicAgreementList(),
    publicOrganisationList(),
    listReleases(db),
  ]);
  return [
    { url: `${origin}/`, changeFrequency: "daily", priority: 1 },
    { url: `${origin}/avtal`, changeFrequency: "daily", priority: 0.9 },
    { url: `${origin}/statistik`, changeFrequency: "daily", priority: 0.8 },
    { url: `${origin}/data`, changeFrequency: "weekly", priority: 0.8 },
    ...agreements.map((a) => ({ url: `${origin}/avtal/${a.slug}`, lastModified: a.lastChangedAt, changeFrequency: "monthly" as const })),
    ...organisations.map((o) => ({ url: `${origin}/organisationer/${o.slug}`, changeFrequency: "monthly" as const })),
    ...releases.map((r) => ({ url: `${origin}/data/releases/${r.version}`, lastModified: r.publishedAt, changeFrequency: "yearly" as const })),
  ];
}
