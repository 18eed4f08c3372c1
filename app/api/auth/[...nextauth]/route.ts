import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { handlers } from "@/lib/auth/next-auth";

export const { POST } = handlers;

// next-auth's /api/auth/session reads the token alone; a session ended on the server (sign-out
// elsewhere, deactivation, password or role change) must not be reported as signed in.
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session") && !(await getCurrentUser())) {
    const response = NextResponse.json(null, { headers: { "Cache-Control": "private, no-cache, no-store" } });
    for (const cookie of request.cookies.getAll()) {
      if (cookie.name.includes("authjs.session-token")) response.cookies.delete(cookie.name);
    }
    return response;
  }
  return handlers.GET(request);
}
