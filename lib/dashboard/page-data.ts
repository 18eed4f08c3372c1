import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
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

/** Everything the dashboard page shows, computed together (what `npm run bench` times as the page's render). */
export async function loadDashboard(db: Db, q: DashboardQuery) {
  const [inForce, changes, now, curation, lookups] = await Promise.all([
    inForcePerYear(db, q),
    changesPerYear(db, q),
    nowCounts(db, q),
    curationMetrics(db, q),
    dashboardLookups(db),
  ]);
  const report = await reportFigures(db, { query: q, inForce, changes, now });
  return { inForce, changes, now, curation, lookups, report };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
