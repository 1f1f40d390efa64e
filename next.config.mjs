// Security headers for every response. The Content-Security-Policy is not here: it carries a
// fresh nonce per request, so proxy.ts sets it (lib/content-security-policy.ts).
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds the per-request language and catalogs in i18n/request.ts (docs/I18N.md).
// precompile: the catalogs are compiled to ICU syntax trees at build time, so the browser gets
// no message parser (about 7 KB gzip less on every route: the 150 KB budget).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});
const isDev = process.env.NODE_ENV !== "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // forbidden(): a real 403 page when a member's role is too low (server/auth/guards.ts).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` as its own step before the build; checking again here
  // would only add time.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time rather than bundled: WebAssembly and native bindings.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/driver-adapter-utils",
    "@node-rs/argon2",
    "pg",
    "nodemailer",
    // The outgoing guard's fetch and dispatcher (server/net/outbound.ts): Node-only, not bundled.
    "undici",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(isDev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
