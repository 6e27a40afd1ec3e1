// The environment lib/env.ts requires, for unit tests of modules that read it (nothing listens
// at these addresses: the tests under it must not connect anywhere).
export function setUnitTestEnv(): void {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://u@127.0.0.1:1/db",
    NEXTAUTH_SECRET: "n".repeat(40),
    LIVEKIT_URL: "ws://127.0.0.1:1",
    LIVEKIT_API_URL: "http://127.0.0.1:1",
    LIVEKIT_API_KEY: "k",
    LIVEKIT_API_SECRET: "s".repeat(40),
    REDIS_URL: "redis://127.0.0.1:1",
    SUIXIN_DATA_DIR: "/tmp/x",
  });
}
