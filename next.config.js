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
  // The room list is served from Next's page cache (ISR, `revalidate = 1` in its routes), and
  // `expireTime` equal to it means Next never serves a copy older than that: a request for an
  // older one waits for a fresh render (one at a time, shared by the requests waiting). Next
  // sends this as `Cache-Control: s-maxage=1`, which the app's shared cache in front (server.ts)
  // follows for one more second (and half a second more while it fetches the next copy): a
  // visitor's list is at most ~2.5 s old.
  expireTime: 1,
  experimental: {
    serverActions: { bodySizeLimit: "6mb" }, // cover images (validated to 5 MB in lib/shows)
    // forbidden(): admin pages answer a logged-in non-operator with a real 403 (app/forbidden.tsx).
    authInterrupts: true,
    // Cached pages live in memory only (bounded LRU): no files rewritten every second, and
    // every app instance keeps its own.
    isrFlushToDisk: false,
  },
};

module.exports = nextConfig;
