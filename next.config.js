// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers for every response. The Content-Security-Policy is set per request in proxy.ts
// (it carries a nonce); frame-ancestors there and X-Frame-Options here both forbid framing.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  // Only honoured over HTTPS; harmless on http://localhost.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM at run time and argon2 is a native addon: neither may be bundled.
  // pg-boss (the job queue) loads its driver at run time; the AWS SDK (attachments in S3) is large: neither is bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@aws-sdk/client-s3", "pg-boss", "@citation-js/core", "@citation-js/plugin-csl"],
  poweredByHeader: false,
  // CI type-checks the whole project (`npm run typecheck`) before the tests build the app; the
  // build's own pass over the same files would only repeat it. Everywhere else the build checks.
  typescript: { ignoreBuildErrors: process.env.CI === "1" && process.env.SKIP_BUILD_TYPECHECK === "1" },
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403.
    authInterrupts: true,
    // Evidence forms carry their files (lib/attachments/media-types.ts: 20 MB per file, 40 MB per
    // save); the proxy buffers request bodies and would silently cut a larger one.
    serverActions: { bodySizeLimit: "42mb" },
    proxyClientMaxBodySize: "42mb",
  },
  async headers() {
    // Embeddable diagrams (/inbaddning/…) may be framed by any site: their CSP says so (proxy.ts).
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/((?!inbaddning/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
