import { NextResponse, type NextRequest } from "next/server";
import { requireUser, UnauthenticatedError } from "@/lib/auth/guard";
import { MAX_IMPORT_BYTES, readImportFile, type ImportFile } from "@/lib/import/file";
import { planImport, type ImportPlan } from "@/lib/import/plan";
import { mayImport, runImport, type ImportOutcome } from "@/lib/import/run";

export const dynamic = "force-dynamic";

function json(status: number, body: unknown) {
  return NextResponse.json(body, { status });
}

/** What the browser needs of a plan: every row's outcome, without the internal write input. */
function publicPlan(plan: ImportPlan) {
  return { ...plan, rows: plan.rows.map(({ input: _input, ...row }) => row) };
}

function publicOutcome(outcome: ImportOutcome) {
  return !outcome.ok && "plan" in outcome ? { ...outcome, plan: publicPlan(outcome.plan) } : outcome;
}

function fileInfo(file: ImportFile) {
  return { encoding: file.encoding, delimiter: file.delimiter, ignored: file.ignored, parseErrors: file.parseErrors, rows: file.rows.length };
}

/**
 * POST multipart { mode: "preview" | "commit", file } (the CSV file as the user saved it; the
 * server detects its encoding and delimiter).
 * preview → { file, plan }: every row's outcome (nothing is written).
 * commit → NDJSON: progress lines while importing in one transaction, then the result (or, if
 * any row has an error, the plan and nothing written).
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

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const outcome = await runImport({
          ctx,
          rows: file.rows,
          fileName,
          onProgress: (done, total) => send({ type: "progress", done, total }),
        });
        send({ type: "result", outcome: publicOutcome(outcome) });
      } catch (error) {
        console.error("import failed", error);
        send({ type: "error", message: "registry.import.failed" });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
  });
}
