/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The server writes files under the data folder and talks to PostgreSQL; it is never exported statically.
  output: undefined,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
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
