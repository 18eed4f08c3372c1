import { getDb } from "@/db/app-db";
import { currentFile, listReleases, releaseFile } from "./open-data";
import { originOf } from "./origin";
import { sha256 } from "./files";

/** A data file as an HTTP response: its media type, a download name, its hash as the ETag. */
export function fileResponse(file: { name: string; mediaType: string; bytes: Buffer }, request: Request, cache: "immutable" | "revalidate"): Response {
  const etag = `"${sha256(file.bytes).slice(0, 32)}"`;
  const headers: Record<string, string> = {
    "Content-Type": file.mediaType,
    "Content-Disposition": `${file.name === "datapackage.json" || file.name.endsWith(".jsonld") ? "inline" : "attachment"}; filename="${file.name}"`,
    ETag: etag,
    "Cache-Control": cache === "immutable" ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    "Access-Control-Allow-Origin": "*",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
}

const notFound = () => Response.json({ error: "not_found", message: "No such file." }, { status: 404 });

export async function serveCurrent(request: Request, name: string): Promise<Response> {
  const file = await currentFile(await getDb(), originOf(request), name);
  return file ? fileResponse(file, request, "revalidate") : notFound();
}

export async function serveRelease(request: Request, version: string, name: string): Promise<Response> {
  const file = await releaseFile(await getDb(), version, name);
  return file ? fileResponse(file, request, "immutable") : notFound();
}

/** `latest`: the newest release's file, or the live data's while there is no release yet. */
export async function serveLatest(request: Request, name: string): Promise<Response> {
  const [newest] = await listReleases(await getDb());
  if (!newest) return serveCurrent(request, name);
  const file = await releaseFile(await getDb(), newest.version, name);
  return file ? fileResponse(file, request, "revalidate") : notFound();
}
