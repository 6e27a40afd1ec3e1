import "server-only";
import { db } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import type { Loop } from "@/lib/leader";
import { addPending, takeAllPending, takePending } from "@/lib/likes/pending";

export const LIKES_FLUSH_MS = 250;

/**
 * Adds one show's hearts to its total (one UPDATE), then tells the room the new total and the
 * burst, lossy: a client that misses one gets the total with the next. A failed write puts
 * the hearts back for the next flush.
 */
async function apply(showId: string, burst: number): Promise<void> {
  let rows: { roomNumber: number; likes: number }[];
  try {
    rows = await db.$queryRaw`UPDATE "Show" SET "likes" = "likes" + ${burst} WHERE "id" = ${showId} RETURNING "roomNumber", "likes"`;
  } catch (error) {
    await addPending(showId, burst);
    throw error;
  }
  const row = rows[0];
  if (!row) return; // the show was deleted meanwhile
  try {
    await broadcastRoomEvent(row.roomNumber, { type: "likes", total: row.likes, burst }, { lossy: true });
  } catch {
    // Counted; the room sees the total with the next burst.
  }
}

/** Writes every show's pending hearts: one UPDATE per show per flush, whatever the tap rate. */
export async function flushLikes(): Promise<void> {
  const pending = await takeAllPending();
  const results = await Promise.allSettled([...pending].map(([showId, burst]) => apply(showId, burst)));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Writes one show's pending hearts at once (when it ends, so its summary has them all). */
export async function flushLikesOf(showId: string): Promise<void> {
  const burst = await takePending(showId);
  if (burst > 0) await apply(showId, burst);
}

/** Every 250 ms on the leading instance: at most four writes and four broadcasts per room per second. */
export const likesFlushLoop: Loop = {
  name: "likes-flush",
  everyMs: () => LIKES_FLUSH_MS,
  run: flushLikes,
};
