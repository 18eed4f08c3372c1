import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { queryAllAgreements } from "@/lib/agreements/list";
import { agreementQueryToParams, parseAgreementQuery } from "@/lib/agreements/query-params";
import { ForbiddenError, requirePermission, UnauthenticatedError } from "@/lib/auth/guard";
import { agreementsToCsv, agreementsToJson } from "@/lib/export/agreements";

export const dynamic = "force-dynamic";

/**
 * The agreements table's current view (its search, filters and sort; every page) as CSV or
 * JSON, in the columns the import reads. Same query parameters as /agreements, plus
 * format=csv|json, labels=1 (values in the user's language) and delimiter=semicolon.
 */
export async function GET(request: NextRequest) {
  let ctx;
  try {
    ctx = await requirePermission("agreement.read");
  } catch (error) {
    if (error instanceof UnauthenticatedError) return NextResponse.json({ error: "unauthenticated", message: error.message }, { status: 401 });
    if (error instanceof ForbiddenError) return NextResponse.json({ error: "forbidden", message: error.message }, { status: 403 });
    throw error;
  }
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") {
    return NextResponse.json({ error: "invalid", message: "format must be csv or json" }, { status: 400 });
  }
  const query = parseAgreementQuery(params);
  const rows = await queryAllAgreements(ctx.db, query);
  const stamp = new Date().toISOString();
  const name = `avtal-${stamp.slice(0, 10)}.${format}`;
  // labels=1: values as the interface's labels in the user's language (the import reads them back); delimiter=semicolon for Swedish Excel.
  const labels = params.get("labels") === "1" ? toLocale((await cookies()).get(LOCALE_COOKIE)?.value) : undefined;
  const delimiter = params.get("delimiter") === "semicolon" ? ";" : ",";
  const body =
    format === "csv"
      ? await agreementsToCsv(ctx.db, rows, { labels, delimiter })
      : await agreementsToJson(ctx.db, rows, { query: agreementQueryToParams(query, { paging: false, columns: false }).toString(), exportedAt: stamp }, { labels });
  return new NextResponse(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-total-count": String(rows.length),
    },
  });
}
