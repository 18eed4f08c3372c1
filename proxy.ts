import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/next-auth";

// The signed-in gate: every page but sign-in needs a session. Pages and actions still check
// the user and the permission themselves; this only sends strangers to the sign-in page.
const gate = auth((req) => {
  if (req.auth) return NextResponse.next();
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 });
  }
  const login = new URL("/login", req.nextUrl.origin);
  const back = req.nextUrl.pathname + req.nextUrl.search;
  if (back !== "/") login.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(login);
});

export function proxy(request: NextRequest, event: NextFetchEvent) {
  return (gate as unknown as (r: NextRequest, e: NextFetchEvent) => Promise<Response>)(request, event);
}

export const config = {
  matcher: ["/((?!login|api/auth|_next/static|_next/image|favicon.ico).*)"],
};
