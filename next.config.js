// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle; screening's classifier (nsfwjs, its
  // models and TensorFlow.js's .wasm files) and LiveKit's native rtc-node load from node_modules.
  serverExternalPackages: [
    "sharp",
    "pg",
    "@prisma/adapter-pg",
    "graphile-worker",
    "@livekit/rtc-node",
    "nsfwjs",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
  ],
  experimental: {
    serverActions: { bodySizeLimit: "6mb" }, // cover images (validated to 5 MB in lib/shows)
  },
};

module.exports = nextConfig;
