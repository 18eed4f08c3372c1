import { serveRelease } from "@/lib/public/serve";

export async function GET(request: Request, { params }: { params: Promise<{ version: string; file: string }> }) {
  const { version, file } = await params;
  return serveRelease(request, version, file);
}
