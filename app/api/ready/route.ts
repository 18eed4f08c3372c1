import { NextResponse } from "next/server";
import { getDb } from "@/db/app-db";
import { attachmentStorage } from "@/lib/attachments/storage";
import { isShuttingDown } from "@/lib/server/lifecycle";
import { checkReadiness } from "@/lib/server/readiness";
import { requestLogger } from "@/lib/server/request-log";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer or an orchestrator: 200 when the database answers, its
 * migrations are current and the attachment store is reachable; 503 otherwise and while the
 * server shuts down. Public; the reasons of a failure go to the log, not to the answer.
 */
export async function GET() {
  const log = await requestLogger({ route: "ready" });
  if (isShuttingDown()) return NextResponse.json({ status: "shutting_down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  const result = await checkReadiness({ db: getDb, storage: attachmentStorage }, (check, err) => log.error({ check, err }, "readiness check failed"));
  return NextResponse.json(
    { status: result.ready ? "ready" : "not_ready", checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
