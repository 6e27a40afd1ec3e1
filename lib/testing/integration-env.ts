import { inject } from "vitest";

// The app's environment for lib code under test: the run's own Postgres and Redis; LiveKit is
// never reached (tests that send room events replace lib/livekit/rooms' sendRoomMessage).
Object.assign(process.env, {
  DATABASE_URL: inject("databaseUrl"),
  REDIS_URL: inject("redisUrl"),
  NEXTAUTH_SECRET: "integration-tests-secret-integration-tests-secret",
  LIVEKIT_URL: "ws://127.0.0.1:9",
  LIVEKIT_API_URL: "http://127.0.0.1:9",
  LIVEKIT_API_KEY: "integration",
  LIVEKIT_API_SECRET: "integration-tests-livekit-secret-0123456789",
  SUIXIN_DATA_DIR: "/tmp/suixin-integration",
  SUIXIN_SETTINGS: JSON.stringify({ testTopUpEnabled: true }),
  // Concurrency tests send far faster than a person could; the limit itself is tested end to end.
  SUIXIN_RATE_LIMITS: JSON.stringify({ "gift.send": { points: 100_000 }, "wallet.top-up": { points: 100_000 }, "wallet.grant": { points: 100_000 } }),
});
