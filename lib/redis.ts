import "server-only";
import Redis from "ioredis";
import { env } from "@/lib/env";

const globalForRedis = globalThis as unknown as { suixinRedis?: Redis };

/**
 * The app's one Redis connection (shared state that must hold across app instances: rate limits,
 * counters). Commands fail fast while Redis is unreachable instead of queueing without bound.
 */
export function redis(): Redis {
  globalForRedis.suixinRedis ??= new Redis(env().REDIS_URL, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  return globalForRedis.suixinRedis;
}
