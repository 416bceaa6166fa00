/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The server writes files under the data folder and talks to PostgreSQL; it is never exported statically.
  output: undefined,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // The proxy (proxy.ts) would otherwise cut request bodies at 10 MB; uploads are limited by the
    // upload route itself (POST /api/v1/files answers 413 above its own limit).
    proxyClientMaxBodySize: "60mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
