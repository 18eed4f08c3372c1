import { serveLatest } from "@/lib/public/serve";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveLatest(request, (await params).file);
}
