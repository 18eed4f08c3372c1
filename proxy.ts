import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/auth/csp";
import { auth } from "@/lib/auth/next-auth";
import { isMutation, isSameOriginRequest } from "@/lib/auth/origin";
import { refuseByBody, refuseByHeaders } from "@/lib/server/request-guard";

// Runs before every page and route handler (not static files):
// 1. a Content Security Policy with a fresh nonce, which Next puts on its own scripts;
// 2. CSRF: a cross-site POST/PUT/PATCH/DELETE to a route handler is refused (server actions
//    are checked by Next itself; next-auth's own endpoints by its CSRF token);
// 3. the signed-in gate: every page but sign-in needs a session. Pages, actions and route
//    handlers still check the user and the permission themselves; this only sends strangers
//    to the sign-in page (pages) or answers 401 (API).
// Before all that: a request id (x-request-id on the request for the logs, and on the answer),
// and a 413/400 for a body too large or a NUL character (lib/server/request-guard.ts).

// Signing in and what a stranger with an e-mailed link may do (lib/accounts: the link is the permission).
const PUBLIC_PATHS = ["/login", "/forgot-password", "/set-password", "/confirm-email", "/api/auth", "/api/health", "/api/ready"];
// The public register (lib/public decides what these pages may show).
const OPEN_PATHS = ["/avtal", "/organisationer", "/statistik", "/data", "/inbaddning", "/sitemap.xml"];
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const isPublic = (path: string) => path === "/" || [...PUBLIC_PATHS, ...OPEN_PATHS].some((p) => path === p || path.startsWith(`${p}/`));
/** Embeddable diagrams: any site may frame them. */
const isEmbed = (path: string) => path.startsWith("/inbaddning/");

const gate = auth(async (req) => {
  const path = req.nextUrl.pathname;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", frameAncestors: isEmbed(path) ? "*" : "'none'" });
  // The server (scripts/server.mjs) passes on an id only from a trusted proxy.
  const incomingId = req.headers.get("x-request-id");
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
  const withCsp = (response: NextResponse) => {
    // An attachment carries its own, stricter policy (a sandbox): never replace it with the page's.
    if (!path.startsWith("/api/attachments/")) response.headers.set("Content-Security-Policy", csp);
    response.headers.set("x-request-id", requestId);
    return response;
  };

  const contentType = req.headers.get("content-type");
  const readBody = isMutation(req.method) && req.body && !contentType?.toLowerCase().startsWith("multipart/");
  const refusal = refuseByHeaders(req.nextUrl, req.headers) ?? (readBody ? refuseByBody(contentType, await req.clone().text()) : null);
  if (refusal) return withCsp(NextResponse.json({ error: refusal.error, message: refusal.message }, { status: refusal.status }));

  if (path.startsWith("/api/") && !path.startsWith("/api/auth/") && !isSameOriginRequest(req.method, req.url, req.headers)) {
    return withCsp(NextResponse.json({ error: "forbidden", message: "Cross-site request refused." }, { status: 403 }));
  }
  if (!req.auth && !isPublic(path)) {
    if (path.startsWith("/api/")) {
      return withCsp(NextResponse.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401 }));
    }
    const login = new URL("/login", req.nextUrl.origin);
    const back = path + req.nextUrl.search;
    if (back !== "/") login.searchParams.set("callbackUrl", back);
    return withCsp(NextResponse.redirect(login));
  }
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  return withCsp(NextResponse.next({ request: { headers: requestHeaders } }));
});

export function proxy(request: NextRequest, event: NextFetchEvent) {
  return (gate as unknown as (r: NextRequest, e: NextFetchEvent) => Promise<Response>)(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
