import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM at run time and argon2 is a native addon: neither may be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  experimental: {
    // Evidence forms carry their files (lib/attachments/media-types.ts: 20 MB per file, 40 MB per
    // save); the proxy buffers request bodies and would silently cut a larger one.
    serverActions: { bodySizeLimit: "42mb" },
    proxyClientMaxBodySize: "42mb",
  },
};

export default withNextIntl(nextConfig);
