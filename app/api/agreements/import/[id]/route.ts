import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { routeHandler } from "@/lib/auth/route";
import { getImportJob } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";

/** GET → an import job of the signed-in user: its status, progress and, once finished, its result. */
export const GET = routeHandler<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const ctx = await requireUser();
  const job = await getImportJob(ctx, (await params).id);
  if (!job) return NextResponse.json({ error: "not_found", message: "registry.errors.notFound" }, { status: 404 });
  return NextResponse.json(job, { headers: { "cache-control": "no-store" } });
});
