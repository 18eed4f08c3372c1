import type { Db } from "@/db/client";
import { changesPerYear } from "../dashboard/changes";
import { inForcePerYear } from "../dashboard/in-force";
import { nowCounts } from "../dashboard/now";
import { dashboardLookups } from "../dashboard/page-data";
import type { DashboardQuery } from "../dashboard/query";
import { reportFigures } from "../dashboard/report-figures";

/**
 * The public dashboard: the report's diagrams (agreements in force per year, changes per year),
 * today's counts and the report's figures, all computed from the register's status events. Not
 * the curation metrics (proposals, review times): those are about the staff's work.
 */
export async function loadPublicDashboard(db: Db, q: DashboardQuery) {
  const [inForce, changes, now, lookups] = await Promise.all([inForcePerYear(db, q), changesPerYear(db, q), nowCounts(db, q), dashboardLookups(db)]);
  const report = await reportFigures(db, { query: q, inForce, changes, now });
  return { inForce, changes, now, lookups, report };
}

export type PublicDashboardData = Awaited<ReturnType<typeof loadPublicDashboard>>;
