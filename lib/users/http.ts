import { NextResponse } from "next/server";
import type { WriteResult } from "./result";

const STATUS: Record<string, number> = { "admin.userNotFound": 404, "admin.stale": 409, "admin.emailTaken": 409 };

/** A write's result as an HTTP response: 200/201 with the value, or 4xx with the catalogue keys. */
export function writeResponse<T>(result: WriteResult<T>, successStatus = 200): NextResponse {
  if (result.ok) return NextResponse.json(result.value, { status: successStatus });
  const firstField = Object.values(result.fieldErrors)[0]?.[0];
  const status = STATUS[result.message] ?? (firstField ? STATUS[firstField] : undefined) ?? 422;
  return NextResponse.json({ error: "invalid", message: result.message, fieldErrors: result.fieldErrors }, { status });
}
