import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { roomEventQueue } from "@/lib/events/queue";
import { giftEvents } from "@/lib/gifts/events";
import { showGiftTotal } from "@/lib/gifts/leaderboard";
import { defineJob } from "@/lib/jobs/define";

const payload = z.object({
  roomNumber: z.number().int(),
  showId: z.string(),
  event: giftEvents[0].omit({ show: true }),
});

/**
 * Announces a committed gift to its room, with the show's totals read when it is sent: a
 * transaction cannot know them (concurrent sends to one show commit in any order, and none sees
 * the others' tallies), but whichever announcement is sent last was sent after every gift before
 * it committed, so the room's boards end on the true totals.
 */
export const giftAnnouncementJob = defineJob("gifts.announce", payload, async ({ roomNumber, showId, event }) => {
  const totals = await showGiftTotal(showId);
  await broadcastRoomEvent(roomNumber, { ...event, show: { gifts: totals.gifts, coins: totals.coins } });
});

/**
 * Queues a gift's announcement in the send's transaction (it exists only if the gift committed),
 * in the room's notice queue, so it goes out in order with the room's other notices (queueRoomEvent).
 * A notice that still fails after a few tries is stale: it is dropped.
 */
export async function queueGiftAnnouncement(tx: Tx, roomNumber: number, showId: string, event: z.input<typeof payload>["event"]): Promise<void> {
  await giftAnnouncementJob.enqueue({ roomNumber, showId, event }, { tx, queue: roomEventQueue(roomNumber), maxAttempts: 3 });
}
