import "server-only";
import { db } from "@/lib/db";
import { stopShowEgresses } from "@/lib/egress/stop-broadcast";
import type { EndReason } from "@/lib/generated/prisma/enums";
import { flushLikesOf } from "@/lib/likes/flush";
import { deleteRoom } from "@/lib/livekit/rooms";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { roomNameFor } from "@/lib/shows/room-name";

/**
 * Ends a live show once: marks it ended, tells everyone in the room, closes the room.
 * Safe to call twice or concurrently (the status change is conditional); returns whether
 * this call was the one that ended it.
 */
export async function endShow(showId: string, reason: EndReason): Promise<boolean> {
  const now = new Date();
  const { count } = await db.show.updateMany({
    where: { id: showId, status: "LIVE" },
    data: { status: "ENDED", endedAt: now, endReason: reason, viewerCount: 0, hostAwaySince: null },
  });
  if (count === 0) return false;
  await db.participantSession.updateMany({ where: { showId, leftAt: null }, data: { leftAt: now } });
  // Hearts tapped just before the end are in the total the summary shows, not 250 ms later.
  await flushLikesOf(showId).catch((error: unknown) => console.warn("[likes] flush at show end failed:", error instanceof Error ? error.message : error));

  const show = await db.show.findUniqueOrThrow({ where: { id: showId }, select: { roomNumber: true } });
  // Before the room closes: a stopped MP4 is finalized, and no output waits for a room that is gone.
  await stopShowEgresses(showId);
  if (reason !== "ROOM_GONE") {
    try {
      await broadcastRoomEvent(show.roomNumber, { type: "ended", reason });
      await deleteRoom(roomNameFor(show.roomNumber));
    } catch (error) {
      // The show is ended in the database either way; the reconcile loop closes a room left open.
      console.warn(`[shows] room of show ${show.roomNumber} not closed yet:`, error instanceof Error ? error.message : error);
    }
  }
  return true;
}
