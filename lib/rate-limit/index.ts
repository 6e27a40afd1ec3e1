import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { DAY_SECONDS, growingBlockSeconds, type Limit, type LimitName, resolveLimits } from "@/lib/rate-limit/limits";
import { redis } from "@/lib/redis";
import { getSetting } from "@/lib/settings";

export type { LimitName } from "@/lib/rate-limit/limits";

type Limiter = { counter: RateLimiterRedis; blocks?: RateLimiterRedis; limit: Limit; signature: string };

const state = globalThis as unknown as { suixinLimiters?: Map<LimitName, Limiter> };

/**
 * The limiter of a named limit as the settings say it is now (the operator setting `rateLimits`,
 * re-read within a second of a change): a changed limit gets a new limiter over the same Redis
 * keys, so counts already made carry over.
 */
async function limiter(name: LimitName): Promise<Limiter> {
  const limit = resolveLimits(await getSetting("rateLimits"))[name];
  const signature = JSON.stringify(limit);
  state.suixinLimiters ??= new Map();
  let found = state.suixinLimiters.get(name);
  if (!found || found.signature !== signature) {
    const options = { storeClient: redis(), points: limit.points, duration: limit.durationSeconds };
    found = {
      limit,
      signature,
      // Shared across app instances; if Redis is unreachable each instance limits on its own.
      counter: new RateLimiterRedis({
        ...options,
        keyPrefix: `rl:${name}`,
        insuranceLimiter: new RateLimiterMemory({ points: limit.points, duration: limit.durationSeconds }),
      }),
      blocks: limit.growingBlockSeconds
        ? new RateLimiterRedis({ storeClient: redis(), keyPrefix: `rl:${name}:blocks`, points: 1_000_000, duration: DAY_SECONDS })
        : undefined,
    };
    state.suixinLimiters.set(name, found);
  }
  return found;
}

function limited(limit: Limit, msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("RATE_LIMITED", `${limit.what}. Try again in ${seconds} s.`, undefined, seconds);
}

/**
 * Uses `points` of the named limit for `key`, or throws RATE_LIMITED ("… Try again in N s.")
 * when the key has none left. The one rate limiter of the app: every repeatable action calls it.
 */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  const { counter, blocks, limit } = await limiter(name);
  try {
    await counter.consume(key, points);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    // The first refusal of a window escalates the block; later ones only report it.
    if (blocks && rejection.consumedPoints === limit.points + points) {
      const times = (await blocks.penalty(key, 1)).consumedPoints;
      const seconds = growingBlockSeconds(limit, times);
      await counter.block(key, seconds);
      throw limited(limit, seconds * 1000);
    }
    throw limited(limit, rejection.msBeforeNext);
  }
}

/** Forgets a key's use of a limit (e.g. the failed logins of an account after a correct one). */
export async function reset(name: LimitName, key: string): Promise<void> {
  const { counter } = await limiter(name);
  await counter.delete(key).catch(() => undefined);
}
