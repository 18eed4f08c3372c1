import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireUser, UnauthenticatedError } from "@/lib/auth/guard";
import { MAX_IMPORT_ROWS } from "@/lib/import/columns";
import { planImport, type ImportPlan } from "@/lib/import/plan";
import { mayImport, runImport, type ImportOutcome } from "@/lib/import/run";

export const dynamic = "force-dynamic";

const MAX_BYTES = 25 * 1024 * 1024;

const bodySchema = z.object({
  mode: z.enum(["preview", "commit"]),
  fileName: z.string().max(255).optional(),
  rows: z.array(z.record(z.string(), z.unknown())).max(MAX_IMPORT_ROWS),
});

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

/**
 * POST { mode: "preview", rows } → the plan for every row (nothing is written).
 * POST { mode: "commit", rows } → NDJSON: progress lines while importing in one transaction, then
 * the result (or, if any row has an error, the plan and nothing written).
 */
export async function POST(request: NextRequest) {
  // Route handlers have no built-in origin check (server actions do): refuse cross-site posts.
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return json(403, { error: "forbidden", message: "Cross-site request refused." });
  if (!request.headers.get("content-type")?.startsWith("application/json")) return json(415, { error: "invalid", message: "Send JSON." });

  let ctx;
  try {
    ctx = await requireUser();
  } catch (error) {
    if (error instanceof UnauthenticatedError) return json(401, { error: "unauthenticated", message: error.message });
    throw error;
  }
  if (!mayImport(ctx)) return json(403, { error: "forbidden", message: "registry.errors.forbidden" });

  const text = await request.text();
  if (text.length > MAX_BYTES) return json(413, { error: "invalid", message: "registry.import.tooMany" });
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(text);
  } catch {
    return json(400, { error: "invalid", message: "Malformed JSON." });
  }
  const body = bodySchema.safeParse(parsedBody);
  if (!body.success) return json(400, { error: "invalid", message: "registry.import.tooMany", issues: body.error.issues.slice(0, 5) });

  if (body.data.mode === "preview") {
    return json(200, publicPlan(await planImport(ctx.db, body.data.rows)));
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const outcome = await runImport({
          ctx,
          rows: body.data.rows,
          fileName: body.data.fileName,
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
