import { z } from "zod";
import { openAttachment, contentDisposition } from "@/lib/attachments/read";
import { attachmentStorage } from "@/lib/attachments/storage";
import { ForbiddenError, requirePermission, UnauthenticatedError } from "@/lib/auth/guard";

const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * Downloads an attachment, for signed-in users only. `?source=<id>` names the file as it was
 * attached to that source; `?inline=1` shows a PDF or an image in the browser instead.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db } = await requirePermission("attachment.read");
    const { id } = await params;
    const url = new URL(request.url);
    const source = url.searchParams.get("source");
    if (!z.uuid().safeParse(id).success || (source && !z.uuid().safeParse(source).success)) return notFound();
    const found = await openAttachment(db, attachmentStorage(), id, source);
    if (!found) return notFound();
    const { attachment, filename, body } = found;
    const inline = url.searchParams.get("inline") === "1" && INLINE_TYPES.has(attachment.mediaType);
    const headers = new Headers({
      "Content-Type": attachment.mediaType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-cache",
      ETag: `"${attachment.sha256}"`,
    });
    // Nothing in an attachment may run as this site; Chrome's PDF viewer does not start in a
    // sandbox, so a PDF gets a policy without scripts instead. (proxy.ts leaves this header alone.)
    headers.set(
      "Content-Security-Policy",
      attachment.mediaType === "application/pdf"
        ? "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        : "default-src 'none'; img-src 'self'; sandbox",
    );
    if (request.headers.get("if-none-match") === `"${attachment.sha256}"`) {
      await body.cancel();
      headers.delete("Content-Length");
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { status: 200, headers });
  } catch (error) {
    if (error instanceof UnauthenticatedError) return Response.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 });
    if (error instanceof ForbiddenError) return Response.json({ error: "forbidden" }, { status: 403 });
    throw error;
  }
}

function notFound() {
  return Response.json({ error: "not_found" }, { status: 404 });
}
