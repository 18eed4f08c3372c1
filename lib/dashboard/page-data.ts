import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { cachedPublic } from "../public/cache";
import { PROVINCE_LEVELS, sqlList } from "./base-sql";
import { changesPerYear } from "./changes";
import { curationMetrics } from "./curation";
import { inForcePerYear } from "./in-force";
import { nowCounts } from "./now";
import type { DashboardQuery } from "./query";
import { reportFigures } from "./report-figures";

export interface DashboardLookups {
  counties: { code: string; name: string }[];
  provinces: { id: string; name: string; nameNative: string | null }[];
}

/** The counties and the Chinese provinces (organisations at a province level), for filters and labels. */
export async function dashboardLookups(db: Db): Promise<DashboardLookups> {
  const [counties, provinces] = await Promise.all([
    queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM counties ORDER BY code`),
    queryRows<{ id: string; name: string; nameNative: string | null }>(
      db,
      sql`SELECT id, name, name_native AS "nameNative" FROM organizations WHERE kind = 'foreign' AND level IN (${sqlList(PROVINCE_LEVELS)}) ORDER BY name`,
    ),
  ]);
  return { counties, provinces };
}

/**
 * Everything the dashboard page shows.
 * The diagrams, counts, report figures and lookups read only published tables (agreements, their
 * events and sources, organisations, counties), so they are cached under the publication version
 * like the public pages (lib/public/cache.ts), per query; the curation metrics read the proposals,
 * which that version does not follow, and are computed every time.
 */
export async function loadDashboard(db: Db, q: DashboardQuery) {
  const [published, curation] = await Promise.all([
    cachedPublic(db, `staff-dashboard:${JSON.stringify(q)}`, () => publishedSeries(db, q)),
    curationMetrics(db, q),
  ]);
  return { ...published, curation };
}

/** The dashboard computed afresh, no cache (what `npm run bench` times). */
export async function computeDashboard(db: Db, q: DashboardQuery) {
  const [published, curation] = await Promise.all([publishedSeries(db, q), curationMetrics(db, q)]);
  return { ...published, curation };
}

async function publishedSeries(db: Db, q: DashboardQuery) {
  const [inForce, changes, now, lookups] = await Promise.all([inForcePerYear(db, q), changesPerYear(db, q), nowCounts(db, q), dashboardLookups(db)]);
  const report = await reportFigures(db, { query: q, inForce, changes, now });
  return { inForce, changes, now, lookups, report };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
