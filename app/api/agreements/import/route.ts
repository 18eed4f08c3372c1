import { NextResponse, type NextRequest } from "next/server";
import { requireUser, UnauthenticatedError } from "@/lib/auth/guard";
import { MAX_IMPORT_BYTES, readImportFile, type ImportFile } from "@/lib/import/file";
import { planImport, type ImportPlan } from "@/lib/import/plan";
import { startImportJob } from "@/lib/import/jobs";
import { mayImport } from "@/lib/import/run";

export const dynamic = "force-dynamic";

function json(status: number, body: unknown) {
  return NextResponse.json(body, { status });
}

/** What the browser needs of a plan: every row's outcome, without the internal write input. */
function publicPlan(plan: ImportPlan) {
  return { ...plan, rows: plan.rows.map(({ input: _input, ...row }) => row) };
}

function fileInfo(file: ImportFile) {
  return { encoding: file.encoding, delimiter: file.delimiter, ignored: file.ignored, parseErrors: file.parseErrors, rows: file.rows.length };
}

/**
 * POST multipart { mode: "preview" | "commit", file } (the CSV file as the user saved it; the
 * server detects its encoding and delimiter).
 * preview → { file, plan }: every row's outcome (nothing is written).
 * commit → 202 { jobId }: the import runs in the background, all or nothing.
 */
export async function POST(request: NextRequest) {
  // Route handlers have no built-in origin check (server actions do): refuse cross-site posts.
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return json(403, { error: "forbidden", message: "Cross-site request refused." });
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return json(415, { error: "invalid", message: "imports.file.multipart" });

  let ctx;
  try {
    ctx = await requireUser();
  } catch (error) {
    if (error instanceof UnauthenticatedError) return json(401, { error: "unauthenticated", message: error.message });
    throw error;
  }
  if (!mayImport(ctx)) return json(403, { error: "forbidden", message: "registry.errors.forbidden" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return json(413, { error: "invalid", message: "imports.file.tooLarge", values: { max: MAX_IMPORT_BYTES / 1024 / 1024 } });
  }

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json(400, { error: "invalid", message: "imports.file.multipart" });
  }
  const mode = form.get("mode");
  const upload = form.get("file");
  if ((mode !== "preview" && mode !== "commit") || !(upload instanceof Blob)) return json(400, { error: "invalid", message: "imports.file.multipart" });
  const fileName = upload instanceof File ? upload.name.slice(0, 255) : undefined;
  const read = readImportFile(new Uint8Array(await upload.arrayBuffer()));
  if (!read.ok) return json(read.message === "imports.file.tooLarge" ? 413 : 400, read);
  const { file } = read;

  if (mode === "preview") {
    return json(200, { file: fileInfo(file), plan: publicPlan(await planImport(ctx.db, file.rows)) });
  }

  // A commit runs as a background job: the answer is its id, whose progress GET /api/agreements/import/<id> tells.
  const started = await startImportJob({ ctx, rows: file.rows, fileName });
  if (!started.ok) return json(403, started);
  return json(202, { jobId: started.id });
}
