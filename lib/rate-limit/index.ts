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

/**
 * The limiter rejects with a RateLimiterRes when a key is out of points (and with an Error when
 * the store fails). Not `instanceof` alone: limiters are cached on globalThis, and a route bundled
 * apart from the one that created them has its own copy of the class (seen: the token route
 * answered 500 instead of 429).
 */
function isLimiterAnswer(value: unknown): value is RateLimiterRes {
  if (value instanceof RateLimiterRes) return true;
  return typeof value === "object" && value !== null && !(value instanceof Error) && "msBeforeNext" in value && "consumedPoints" in value;
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
    if (!isLimiterAnswer(rejection)) throw rejection;
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

const slots = globalThis as unknown as { suixinSlotLimiters?: Map<string, RateLimiterRedis> };

/**
 * One use per `seconds` for `key`, for rules whose window is set at run time rather than in
 * limits.ts (a room's slow mode). Throws RATE_LIMITED with "`what`. Try again in N s.".
 */
export async function consumeEvery(scope: string, key: string, seconds: number, what: string): Promise<void> {
  slots.suixinSlotLimiters ??= new Map();
  const id = `${scope}:${seconds}`;
  let counter = slots.suixinSlotLimiters.get(id);
  if (!counter) {
    counter = new RateLimiterRedis({
      storeClient: redis(),
      keyPrefix: `rl:${id}`,
      points: 1,
      duration: seconds,
      insuranceLimiter: new RateLimiterMemory({ points: 1, duration: seconds }),
    });
    slots.suixinSlotLimiters.set(id, counter);
  }
  try {
    await counter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw limited({ points: 1, durationSeconds: seconds, what }, rejection.msBeforeNext);
  }
}
