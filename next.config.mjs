/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The driver opens HTTP/2 sessions with node:http2; load it from node_modules as is.
  serverExternalPackages: ["fauna"],
  turbopack: { root: import.meta.dirname },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
