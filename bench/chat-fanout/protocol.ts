// Messages between bench:chat (the parent) and its subscriber processes: over Node's IPC channel
// for subscriber-process.ts, as JSON lines on stdin/stdout for go-subscribers/main.go. Parsed with
// zod here on both sides: a process's messages are input like any other.
import { z } from "zod";

export const RAW_TOPIC = "bench.raw";

/** Parent → child. */
export const toSubscribers = z.discriminatedUnion("type", [
  // Who to join: one token per subscriber (identities are numbered across all processes).
  z.object({ type: z.literal("join"), wsUrl: z.string(), subscribers: z.array(z.object({ index: z.number().int(), token: z.string() })) }),
  // Send every receipt so far (the parent asks once, after the last block's drain).
  z.object({ type: z.literal("collect") }),
  // Disconnect every room and exit.
  z.object({ type: z.literal("leave") }),
]);
export type ToSubscribers = z.infer<typeof toSubscribers>;

// [seq, receivedAt] pairs, receivedAt on the shared clock (see `now` below).
const receipts = z.array(z.tuple([z.number(), z.number()]));

/** Child → parent. */
export const fromSubscribers = z.discriminatedUnion("type", [
  z.object({ type: z.literal("joined"), index: z.number().int() }),
  z.object({ type: z.literal("retry"), index: z.number().int(), reason: z.string() }),
  // `at`: the subscriber process's `now()` as it sends this; the parent compares it with its own
  // on arrival, so a clock that disagrees with the parent's shows (the gap is at most the pipe's delay).
  z.object({ type: z.literal("ready"), at: z.number() }),
  z.object({
    type: z.literal("receipts"),
    subscribers: z.array(z.object({ index: z.number().int(), raw: receipts, app: receipts, disconnects: z.number().int() })),
    // This process's event-loop delay (p99 and max) from its joins to the collect: a busy
    // subscriber process shows up here as latency that is neither LiveKit's nor the app's.
    loopDelayP99Ms: z.number(),
    loopDelayMaxMs: z.number(),
  }),
  z.object({ type: z.literal("failed"), error: z.string() }),
]);
export type FromSubscribers = z.infer<typeof fromSubscribers>;

/**
 * Epoch milliseconds with sub-millisecond resolution. Every process on this machine derives
 * `performance.timeOrigin` from the same system clock (and Go's `time.Now` reads it too), so a send
 * time taken in the parent and a receive time taken in a subscriber process compare directly
 * (`ready.at` checks it).
 */
export const now = (): number => performance.timeOrigin + performance.now();
