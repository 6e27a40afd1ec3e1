import Redis from "ioredis";
import { query } from "./db";
import { readStack } from "./stack";

/**
 * Uses up what a key has of a limit, as that many requests would (the counter rate-limiter-flexible
 * keeps in Redis, `rl:<limit>:<key>`): for limits too large, or too slow, to exhaust one request
 * at a time in a test (per-IP limits are raised in the test profile; covers need 10 minutes).
 */
export async function exhaustLimit(name: string, key: string, seconds = 600): Promise<void> {
  const redis = new Redis(readStack().redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.set(`rl:${name}:${key}`, 10_000_000, "EX", seconds);
  } finally {
    redis.disconnect();
  }
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}
