import "server-only";
import { type Tx, db } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { queueRoomEvent } from "@/lib/events/queue";
import type { Loop } from "@/lib/leader";
import { addPending, takeAllPending, takePending } from "@/lib/likes/pending";

export const LIKES_FLUSH_MS = 250;

/**
 * Adds one show's hearts to its total (one UPDATE), then tells the room the new total and the
 * burst, lossy: a client that misses one gets the total with the next, and the quiet flush after
 * the last burst repeats the total reliably (settle). A failed write puts the hearts back for
 * the next flush.
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

/** Tells the room a total it may have missed (the last burst was lossy): reliable, burst 0. */
async function settle(showIds: string[]): Promise<void> {
  const rows = await db.show.findMany({ where: { id: { in: showIds }, status: "LIVE" }, select: { roomNumber: true, likes: true } });
  await Promise.allSettled(rows.map((row) => broadcastRoomEvent(row.roomNumber, { type: "likes", total: row.likes, burst: 0 })));
}

// Shows that had a burst in the leader's last flush: the next flush without hearts settles them.
// Per process; a new leader simply has none to settle (the next burst brings the total anyway).
let burstLastFlush = new Set<string>();

/** Writes every show's pending hearts: one UPDATE per show per flush, whatever the tap rate. */
export async function flushLikes(): Promise<void> {
  const pending = await takeAllPending();
  const quiet = [...burstLastFlush].filter((showId) => !pending.has(showId));
  burstLastFlush = new Set(pending.keys());
  const results = await Promise.allSettled([...pending].map(([showId, burst]) => apply(showId, burst)));
  if (quiet.length > 0) await settle(quiet).catch(() => undefined); // best effort: the total is stored
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * Adds one show's pending hearts to its total in the caller's transaction (the one that ends
 * it, so its summary has them all); the room hears the total once it commits. Taken from Redis
 * before the commit: should the transaction fail, these few hearts (one flush's worth) are lost.
 */
export async function settleLikesIn(tx: Tx, showId: string): Promise<void> {
  // Without Redis the show still ends; its pending hearts reach the total with a later flush.
  const burst = await takePending(showId).catch((error: unknown) => {
    console.warn("[likes] pending hearts not settled at show end:", error instanceof Error ? error.message : error);
    return 0;
  });
  if (burst === 0) return;
  const rows = await tx.$queryRaw<{ roomNumber: number; likes: number }[]>`
    UPDATE "Show" SET "likes" = "likes" + ${burst} WHERE "id" = ${showId} RETURNING "roomNumber", "likes"`;
  const row = rows[0];
  if (row) await queueRoomEvent(tx, row.roomNumber, { type: "likes", total: row.likes, burst }, { lossy: true });
}

/** Every 250 ms on the leading instance: at most four writes and four broadcasts per room per second. */
export const likesFlushLoop: Loop = {
  name: "likes-flush",
  everyMs: () => LIKES_FLUSH_MS,
  run: flushLikes,
};
