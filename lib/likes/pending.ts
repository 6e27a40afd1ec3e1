import "server-only";
import { z } from "zod";
import { redis } from "@/lib/redis";

// Hearts accepted but not yet written to the database, per show: one Redis hash shared by all
// app instances (show id → count). Taps only increment it; the leader's flush empties it.
const PENDING = "likes:pending";

export async function addPending(showId: string, hearts = 1): Promise<void> {
  await redis().hincrby(PENDING, showId, hearts);
}

const hashReply = z.record(z.string(), z.string());
const fieldReply = z.string().nullable();

/** The first reply of a MULTI, or its error. */
function firstReply(replies: [Error | null, unknown][] | null): unknown {
  const [error, reply] = replies?.[0] ?? [null, null];
  if (error) throw error;
  return reply;
}

function counts(raw: Record<string, string>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [showId, value] of Object.entries(raw)) {
    const n = Number(value);
    if (Number.isInteger(n) && n > 0) result.set(showId, n);
  }
  return result;
}

/** Takes every pending count at once (read and cleared atomically, so no tap is taken twice). */
export async function takeAllPending(): Promise<Map<string, number>> {
  const replies = await redis().multi().hgetall(PENDING).del(PENDING).exec();
  return counts(hashReply.parse(firstReply(replies) ?? {}));
}

/** Takes one show's pending count (e.g. when it ends). */
export async function takePending(showId: string): Promise<number> {
  const replies = await redis().multi().hget(PENDING, showId).hdel(PENDING, showId).exec();
  const n = Number(fieldReply.parse(firstReply(replies)) ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
