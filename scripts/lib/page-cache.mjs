// The public pages' response cache in the production server (scripts/server.mjs): what a spike
// of anonymous readers gets without a render per request.
//
// - Keyed on the publication version (one primary-key read per request: the app registers the
//   reader on globalThis at start, db/startup.ts), so a change committed through any instance is
//   served by every instance from its next request on, as the data cache (lib/public/cache.ts).
// - Only anonymous plain GETs of the public paths (the ones proxy.ts lets through without a
//   session): no session cookie, no client-side navigation (RSC) request. The key holds what
//   such a page depends on: the URL, the locale cookie and the host and scheme.
// - The Content-Security-Policy nonce is per response: an entry keeps its body split at the
//   nonce it was rendered with, and every hit is joined with a fresh one, in the body and in the
//   CSP header alike. No response ever carries another's nonce.
// - Stored uncompressed (the render is asked for without Accept-Encoding): a hit is served as
//   identity; compression belongs to the reverse proxy in front (docs/production.md).
// - Concurrent misses of one key wait for the first one's render.
import { randomBytes } from "node:crypto";

export const VERSION_READER = Symbol.for("avtalsregistret.publicationVersion");

const PUBLIC_PREFIXES = ["/avtal", "/organisationer", "/statistik", "/data", "/inbaddning"];
const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;
const HOUSEKEEPING_COOKIE = /^(?:__Secure-|__Host-)?authjs\.(?:csrf-token|callback-url)=/;
const PER_RESPONSE = new Set(["set-cookie", "content-security-policy", "x-request-id", "content-length", "date", "connection", "keep-alive", "transfer-encoding"]);

/** Whether this request may be answered from the cache: an anonymous plain GET of a public page or file. */
export function cacheable(req) {
  if (req.method !== "GET") return false;
  const path = (req.url ?? "").split("?")[0];
  if (!(path === "/" || path === "/sitemap.xml" || PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`)))) return false;
  const h = req.headers;
  if (h.rsc || h["next-router-state-tree"] || h["next-router-prefetch"] || h["next-action"] || h.range) return false;
  if (/(?:^|;\s*)(?:__Secure-|__Host-)?authjs\.session-token/.test(h.cookie ?? "")) return false;
  return true;
}

function cookieValue(header, name) {
  const m = (header ?? "").match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`));
  return m ? m[1] : "";
}

/** What an anonymous page depends on besides the data: the URL, the language, the host and scheme (absolute links). */
export function cacheKey(req, version) {
  const h = req.headers;
  return JSON.stringify([version, req.url, cookieValue(h.cookie, "locale"), h["x-forwarded-host"] ?? h.host ?? "", h["x-forwarded-proto"] ?? ""]);
}

export function newNonce() {
  return randomBytes(16).toString("base64");
}

/** An entry from a finished render, or null when the response must not be reused. */
export function entryFrom(statusCode, headers, body) {
  if (statusCode !== 200 || headers["content-encoding"]) return null;
  // Auth.js gives every visitor without them a CSRF and a callback cookie (the sign-in page sets
  // them again when it is opened): a cached page leaves them out. Any other cookie: not cached.
  const cookies = [headers["set-cookie"] ?? []].flat().map(String);
  if (cookies.some((c) => !HOUSEKEEPING_COOKIE.test(c))) return null;
  const csp = headers["content-security-policy"] ? String(headers["content-security-policy"]) : null;
  const nonce = csp?.match(NONCE)?.[1] ?? null;
  const kept = {};
  for (const [k, v] of Object.entries(headers)) if (!PER_RESPONSE.has(k)) kept[k] = v;
  const text = /^(?:text\/|application\/(?:json|ld\+json|xml))/.test(String(headers["content-type"] ?? ""));
  // Only a text body can carry the nonce; a binary file (XLSX) is kept as it is.
  const split = nonce && text ? body.toString("utf8").split(nonce) : null;
  // A body without the nonce (a CSV, a JSON file) is served byte for byte.
  const parts = split && split.length > 1 ? split : null;
  return { headers: kept, csp, nonce, parts, body: parts ? null : body, size: body.length, etag: headers.etag ? String(headers.etag) : null };
}

/** The body and headers of a hit, with a fresh nonce wherever the render had its own. */
export function hitResponse(entry, nonce = newNonce()) {
  const body = entry.parts ? Buffer.from(entry.parts.join(nonce), "utf8") : entry.body;
  const renew = (v) => (entry.nonce && typeof v === "string" ? v.replaceAll(entry.nonce, nonce) : Array.isArray(v) ? v.map(renew) : v);
  // The nonce is in the CSP and in Next's Link preload header too.
  const headers = Object.fromEntries(Object.entries(entry.headers).map(([k, v]) => [k, renew(v)]));
  headers["content-length"] = String(body.length);
  if (entry.csp) headers["content-security-policy"] = renew(entry.csp);
  return { body, headers };
}

export class PageCache {
  constructor({ maxEntries = 1000, maxBytes = 256 * 1024 * 1024 } = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.entries = new Map();
    this.pending = new Map();
    this.bytes = 0;
    this.hits = 0;
    this.misses = 0;
  }

  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key, entry) {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.size;
    this.entries.set(key, entry);
    this.bytes += entry.size;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldest, e] = this.entries.entries().next().value;
      this.entries.delete(oldest);
      this.bytes -= e.size;
    }
  }

  /** Drops every entry of an older version than `version` (they can never be hit again). */
  prune(version) {
    for (const [key, entry] of this.entries) {
      if (JSON.parse(key)[0] < version) {
        this.entries.delete(key);
        this.bytes -= entry.size;
      }
    }
  }
}

/**
 * Serves `req` from the cache, or lets `render(req, res)` answer it and keeps the answer. Resolves
 * when the response is handed over. `version()` reads the publication version (null: no cache).
 */
export async function servePublic(cache, req, res, { version, render, requestId }) {
  let v = null;
  try {
    v = await version();
  } catch {
    v = null;
  }
  if (v === null || v === undefined) return render(req, res);
  const key = cacheKey(req, v);
  let entry = cache.get(key);
  if (!entry && cache.pending.has(key)) entry = await cache.pending.get(key);
  if (entry) {
    cache.hits++;
    const { body, headers } = hitResponse(entry);
    // setHeader (not writeHead's object), so that the server's request log can read them back.
    for (const [k, v] of Object.entries({ ...headers, "x-request-id": requestId, "x-avtal-cache": "hit" })) res.setHeader(k, v);
    if (entry.etag && req.headers["if-none-match"] === entry.etag) {
      res.removeHeader("content-length");
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.end(body);
    return;
  }
  cache.misses++;
  if (cache.misses % 50 === 0) cache.prune(v);
  delete req.headers["accept-encoding"];
  delete req.headers["if-none-match"];
  let settle;
  cache.pending.set(key, new Promise((resolve) => (settle = resolve)));
  const chunks = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.setHeader("x-avtal-cache", "miss");
  res.write = (chunk, ...rest) => {
    if (chunk) chunks.push(Buffer.from(chunk));
    return write(chunk, ...rest);
  };
  res.end = (chunk, ...rest) => {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk));
    return end(chunk, ...rest);
  };
  const done = () => {
    const made = res.writableFinished ? entryFrom(res.statusCode, res.getHeaders(), Buffer.concat(chunks)) : null;
    if (made) cache.set(key, made);
    cache.pending.delete(key);
    settle(made);
  };
  res.once("finish", done);
  res.once("close", () => {
    if (cache.pending.has(key) && !res.writableFinished) {
      cache.pending.delete(key);
      settle(null);
    }
  });
  return render(req, res);
}
