import { serveCurrent } from "@/lib/public/serve";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveCurrent(request, (await params).file);
}
