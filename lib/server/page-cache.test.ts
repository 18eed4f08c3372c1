import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cacheable, PageCache, servePublic } from "@/scripts/lib/page-cache.mjs";

// The production server's response cache (scripts/lib/page-cache.mjs) in front of a render that
// behaves as Next does here: it takes the nonce from the CSP header proxy.ts made and puts it on
// its scripts. A real HTTP server and real requests.

let version = 1;
let renders = 0;
let server: http.Server;
let base = "";
const cache = new PageCache({ maxEntries: 50 });

async function render(req: IncomingMessage, res: ServerResponse) {
  renders++;
  await new Promise((resolve) => setTimeout(resolve, 30)); // a render takes time: concurrent misses overlap
  const nonce = Math.random().toString(36).slice(2) + "AbC+/=";
  const locale = /locale=en/.test(req.headers.cookie ?? "") ? "en" : "sv";
  res.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("x-request-id", "from-the-render");
  res.setHeader("Link", `</_next/a.css>; rel=preload; as="style"; nonce="${nonce}"`);
  res.setHeader("Set-Cookie", req.url === "/avtal?sets=cookie" ? ["authjs.csrf-token=t", "x=1"] : ["authjs.csrf-token=per-visitor", "authjs.callback-url=x"]);
  res.statusCode = req.url === "/avtal/missing" ? 404 : 200;
  res.write(`<html lang="${locale}"><script nonce="${nonce}">self.__next_f.push([1,"v${version}"])</script>`);
  res.end(`<script nonce="${nonce}" src="/_next/a.js"></script><p>${req.url} v${version} gzip:${req.headers["accept-encoding"] ?? "none"}</p></html>`);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const answered = cacheable(req) ? servePublic(cache, req, res, { version: async () => version, render, requestId: `req-${Math.random().toString(36).slice(2, 12)}` }) : render(req, res);
    void answered;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  const body = await res.text();
  const nonce = res.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  return { status: res.status, body, nonce, cache: res.headers.get("x-avtal-cache"), requestId: res.headers.get("x-request-id"), link: res.headers.get("link"), cookies: res.headers.getSetCookie() };
}

it("serves an anonymous public page again without a render, with a fresh nonce in the header and on every script", async () => {
  const before = renders;
  const first = await get("/statistik", { "accept-encoding": "gzip" });
  const second = await get("/statistik", { "accept-encoding": "gzip" });
  expect(renders).toBe(before + 1);
  expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
  expect(second.nonce).toBeTruthy();
  expect(second.nonce).not.toBe(first.nonce);
  const scriptNonces = [...second.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces).toEqual([second.nonce, second.nonce]);
  expect(second.body).not.toContain(first.nonce!);
  expect(second.body.replaceAll(second.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
  expect(second.link).toContain(`nonce="${second.nonce}"`);
  // Auth.js's per-visitor CSRF cookie is never handed to another visitor.
  expect(first.cookies).toContain("authjs.csrf-token=per-visitor");
  expect(second.cookies).toEqual([]);
  // Rendered uncompressed (the reverse proxy compresses), and every answer has its own request id.
  expect(first.body).toContain("gzip:none");
  expect(second.requestId).toMatch(/^req-/);
  expect(second.requestId).not.toBe(first.requestId);
});

it("renders again once the publication version moves", async () => {
  await get("/avtal?q=Wuhan");
  expect((await get("/avtal?q=Wuhan")).cache).toBe("hit");
  version++;
  const after = await get("/avtal?q=Wuhan");
  expect(after.cache).toBe("miss");
  expect(after.body).toContain(`v${version}`);
});

it("keeps languages apart and never caches a signed-in page, a client navigation, a refusal, a cookie or a staff page", async () => {
  await get("/data");
  expect((await get("/data", { cookie: "locale=en" })).body).toContain('lang="en"');
  expect((await get("/data", { cookie: "locale=en" })).cache).toBe("hit");
  expect((await get("/data")).body).toContain('lang="sv"');
  const before = renders;
  for (let i = 0; i < 2; i++) {
    await get("/data", { cookie: "authjs.session-token=abc" });
    await get("/data", { cookie: "locale=en; __Secure-authjs.session-token=abc" });
    await get("/data", { rsc: "1" });
    await get("/avtal/missing");
    await get("/avtal?sets=cookie");
    await get("/agreements");
  }
  expect(renders).toBe(before + 12);
});

it("lets concurrent misses of one page share one render", async () => {
  version++;
  const before = renders;
  const answers = await Promise.all(Array.from({ length: 8 }, () => get("/organisationer")));
  expect(renders).toBe(before + 1);
  expect(new Set(answers.map((a) => a.nonce)).size).toBe(8);
  for (const a of answers) expect([...a.body.matchAll(/nonce="([^"]+)"/g)].every((m) => m[1] === a.nonce)).toBe(true);
});
