// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["sharp", "pg", "@prisma/adapter-pg", "graphile-worker"],
  experimental: {
    serverActions: { bodySizeLimit: "6mb" }, // cover images (validated to 5 MB in lib/shows)
    // forbidden(): admin pages answer a logged-in non-operator with a real 403 (app/forbidden.tsx).
    authInterrupts: true,
  },
};

module.exports = nextConfig;
