import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { contentSecurityPolicy } from "./csp";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { isSameOriginRequest } from "./origin";
import { routeHandler } from "./route";

const URL_ = "http://localhost:3000/api/admin/users";
const h = (headers: Record<string, string>) => new Headers({ host: "localhost:3000", ...headers });

describe("origin check for mutating route handlers (CSRF)", () => {
  it("lets reads through whatever their origin", () => {
    expect(isSameOriginRequest("GET", URL_, h({ origin: "https://evil.example" }))).toBe(true);
  });
  it("accepts a same-origin POST and one through a proxy that forwards the host", () => {
    expect(isSameOriginRequest("POST", URL_, h({ origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest("POST", "http://127.0.0.1:3000/api/x", new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "register.example.se", origin: "https://register.example.se" }))).toBe(true);
  });
  it("refuses a cross-site POST, PATCH or DELETE, and an opaque origin", () => {
    for (const method of ["POST", "PATCH", "DELETE", "PUT"]) {
      expect(isSameOriginRequest(method, URL_, h({ origin: "https://evil.example" }))).toBe(false);
    }
    expect(isSameOriginRequest("POST", URL_, h({ origin: "null" }))).toBe(false);
    expect(isSameOriginRequest("POST", URL_, h({ origin: "http://localhost:3001" }))).toBe(false);
  });
  it("falls back on Sec-Fetch-Site when there is no Origin, and lets non-browser clients through", () => {
    expect(isSameOriginRequest("POST", URL_, h({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest("POST", URL_, h({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest("POST", URL_, h({}))).toBe(true);
  });
});

describe("routeHandler", () => {
  const post = (origin: string) => new Request(URL_, { method: "POST", headers: h({ origin }) });
  it("maps refusals to 401 and 403 JSON, and never runs a cross-site mutation", async () => {
    let ran = false;
    const crossSite = await routeHandler(async () => {
      ran = true;
      return new Response("ok");
    })(post("https://evil.example"), {});
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ error: "forbidden", message: "Cross-site request refused." });
    expect(ran).toBe(false);

    const forbidden = await routeHandler(async () => {
      throw new ForbiddenError("user.manage");
    })(post("http://localhost:3000"), {});
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: "forbidden" });

    const anonymous = await routeHandler(async () => {
      throw new UnauthenticatedError();
    })(post("http://localhost:3000"), {});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "unauthenticated" });
  });
  it("lets other errors through (a bug is a 500, not a disguised refusal)", async () => {
    await expect(routeHandler(async () => Promise.reject(new Error("boom")))(post("http://localhost:3000"), {})).rejects.toThrow("boom");
  });
});

describe("client address", () => {
  it("takes the hop nearest to the server from X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(new Headers({}))).toBeNull();
  });
});

describe("content security policy", () => {
  it("allows scripts only with the request's nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("x", { dev: true })).toContain("'unsafe-eval'");
  });
});
