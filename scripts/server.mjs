#!/usr/bin/env node
// The production server (`npm start` runs it through scripts/start.mjs): Next's request handler
// behind a plain Node HTTP server, for what `next start` cannot do:
// 1. The client's address. Only a peer listed in TRUSTED_PROXIES may tell us the client's
//    address (X-Forwarded-For) or the original host and scheme; from anyone else those headers
//    are dropped, and the socket's address is the client's. The app reads the result from
//    X-Forwarded-For (lib/auth/client-ip.ts).
// 2. Public pages under a spike: anonymous GETs of the public pages and files are answered from
//    a response cache keyed on the publication version (scripts/lib/page-cache.mjs), each with
//    a fresh CSP nonce. PAGE_CACHE=0 turns it off.
// 3. Graceful shutdown. On SIGTERM or SIGINT: stop accepting connections, let the requests in
//    flight finish (at most SHUTDOWN_GRACE_MS), run the app's shutdown hooks
//    (lib/server/lifecycle.ts: the queue worker's current job, then the database), exit 0.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import pino from "pino";
import { clientAddress, compileTrust } from "./lib/client-address.mjs";
import { cacheable, PageCache, servePublic, VERSION_READER } from "./lib/page-cache.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT || 3000);
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS || 25_000);
// The same shape as the app's own lines (lib/log.ts).
const log = pino({ level: process.env.LOG_LEVEL || "info", base: { service: "avtalsregistret" }, timestamp: pino.stdTimeFunctions.isoTime });
const LIFECYCLE = Symbol.for("avtalsregistret.lifecycle");
// The same rule as proxy.ts for an id passed on by a trusted proxy.
const validRequestId = (id) => (typeof id === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(id) ? id : null);

let trust;
try {
  trust = compileTrust(process.env.TRUSTED_PROXIES);
} catch (error) {
  log.fatal({ err: error }, "TRUSTED_PROXIES is not a list of IP addresses or CIDR ranges");
  process.exit(1);
}

const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
let shuttingDown = false;
const pageCache = process.env.PAGE_CACHE === "0" ? null : new PageCache();
const publicationVersion = () => globalThis[VERSION_READER]?.() ?? null;

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const trusted = trust(req.socket.remoteAddress ?? "", 0);
  const ip = clientAddress(req, trust);
  if (!trusted) {
    for (const h of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-request-id", "forwarded"]) delete req.headers[h];
  }
  req.headers["x-forwarded-for"] = ip;
  delete req.headers["x-real-ip"];
  if (shuttingDown) res.setHeader("Connection", "close");
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const path = (req.url ?? "").split("?")[0];
    const quiet = path === "/api/health" || path === "/api/ready" || path.startsWith("/_next/");
    log[quiet ? "debug" : "info"](
      { requestId: res.getHeader("x-request-id"), method: req.method, path, status: res.statusCode, ms: Math.round(ms), ip },
      "request",
    );
    if (shuttingDown) server.closeIdleConnections();
  });
  const answered =
    pageCache && cacheable(req)
      ? servePublic(pageCache, req, res, { version: publicationVersion, render: handle, requestId: validRequestId(req.headers["x-request-id"]) ?? randomUUID() })
      : handle(req, res);
  answered.catch((error) => {
    log.error({ err: error }, "request failed");
    if (!res.headersSent) res.writeHead(500).end();
  });
});

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  const lifecycle = globalThis[LIFECYCLE];
  if (lifecycle) lifecycle.shuttingDown = true;
  log.info({ signal }, "shutting down: no new connections; finishing the requests in flight");
  const force = setTimeout(() => {
    log.warn({ graceMs }, "requests still in flight after the grace period: closing their connections");
    server.closeAllConnections();
  }, graceMs);
  force.unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  clearTimeout(force);
  await globalThis[LIFECYCLE]?.run(({ hook, ms, error }) =>
    error ? log.error({ hook, ms, err: error }, "shutdown hook failed") : log.info({ hook, ms }, "shutdown hook done"),
  );
  await app.close?.().catch((error) => log.error({ err: error }, "closing Next failed"));
  log.info("stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));

await app.prepare();
server.listen(port, () => log.info({ port }, `ready on http://localhost:${port}`));
