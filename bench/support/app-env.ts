import type { StackInfo } from "../../scripts/stack/stack-file";

/**
 * Points the app's own modules, imported into a benchmark's process (`@/lib/...`, run with
 * `--conditions=react-server`), at the running stack: its database, Redis, LiveKit and data
 * directory. Call before the first such import (lib/env reads the environment once). `extra`
 * adds or overrides variables (e.g. a database URL with its own application_name).
 */
export function runAppCodeAgainst(info: StackInfo, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: info.databaseUrl,
    REDIS_URL: info.redisUrl,
    LIVEKIT_URL: info.livekit.wsUrl,
    LIVEKIT_API_URL: info.livekit.httpUrl,
    LIVEKIT_API_KEY: info.livekit.apiKey,
    LIVEKIT_API_SECRET: info.livekit.apiSecret,
    // lib/env requires one; nothing in a benchmark's process signs a session
    NEXTAUTH_SECRET: "bench-process-does-not-sign-sessions-0123456789",
    SUIXIN_DATA_DIR: info.dataDir,
    ...extra,
  });
}
