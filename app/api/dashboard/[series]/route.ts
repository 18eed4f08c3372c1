import type { NextRequest } from "next/server";
import { ForbiddenError, requirePermission, UnauthenticatedError } from "@/lib/auth/guard";
import { dashboardApiResponse, DASHBOARD_API_SERIES, type DashboardApiSeries } from "@/lib/dashboard/api";

// GET /api/dashboard/<series>?from=&to=&asOf=&recordedOn=&county=&kind=&partyType=&province=[&format=csv]
// Documented in docs/dashboard.md.

export async function GET(request: NextRequest, { params }: { params: Promise<{ series: string }> }) {
  const { series } = await params;
  let ctx;
  try {
    ctx = await requirePermission("dashboard.read");
  } catch (error) {
    if (error instanceof UnauthenticatedError) return Response.json({ error: "unauthenticated", message: error.message }, { status: 401 });
    if (error instanceof ForbiddenError) return Response.json({ error: "forbidden", message: error.message }, { status: 403 });
    throw error;
  }
  if (!(DASHBOARD_API_SERIES as readonly string[]).includes(series)) {
    return Response.json({ error: "not_found", message: `No series "${series}". Series: ${DASHBOARD_API_SERIES.join(", ")}.` }, { status: 404 });
  }
  return dashboardApiResponse(ctx.db, ctx.user, series as DashboardApiSeries, request.nextUrl.searchParams);
}
