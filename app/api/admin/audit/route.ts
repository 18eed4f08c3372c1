import { NextResponse } from "next/server";
import { listAuditLog } from "@/lib/auth/audit-list";
import { requirePermission } from "@/lib/auth/guard";
import { routeHandler } from "@/lib/auth/route";

/** The audit log as JSON; the same filters as the page (?action=&q=&userId=&from=&to=&before=&limit=). */
export const GET = routeHandler(async (request) => {
  const ctx = await requirePermission("audit.read");
  const input = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listAuditLog({ ctx, input }));
});
