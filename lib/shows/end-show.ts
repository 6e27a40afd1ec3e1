import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { stopShowEgresses } from "@/lib/egress/stop-broadcast";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { EndReason } from "@/lib/generated/prisma/enums";
import { defineJob } from "@/lib/jobs/define";
import { deleteRoom } from "@/lib/livekit/rooms";
import { roomNameFor } from "@/lib/shows/room-name";

/**
 * What follows an end once it has committed: outputs stop (before the room closes, so a stopped
 * MP4 is finalized and no output waits for a room that is gone), then the room is told and closed.
 * A durable job: it runs even if the instance that ended the show dies, and retries while
 * LiveKit is unreachable (telling the room twice is harmless; the reconcile loop also closes
 * rooms left open).
 */
export const closeShowJob = defineJob(
  "shows.close",
  z.object({ showId: z.string(), reason: z.enum(EndReason) }),
  async ({ showId, reason }) => {
    const show = await db.show.findUnique({ where: { id: showId }, select: { roomNumber: true } });
    if (!show) return;
    await stopShowEgresses(showId);
    if (reason === "ROOM_GONE") return; // LiveKit closed it: nobody is left to tell
    await broadcastRoomEvent(show.roomNumber, { type: "ended", reason });
    await deleteRoom(roomNameFor(show.roomNumber));
  },
);

async function markEnded(tx: Tx, showId: string, reason: EndReason): Promise<boolean> {
  const now = new Date();
  const { count } = await tx.show.updateMany({
    where: { id: showId, status: "LIVE" },
    data: { status: "ENDED", endedAt: now, endReason: reason, viewerCount: 0, hostAwaySince: null },
  });
  if (count === 0) return false;
  await tx.participantSession.updateMany({ where: { showId, leftAt: null }, data: { leftAt: now } });
  await closeShowJob.enqueue({ showId, reason }, { tx, jobKey: `shows.close:${showId}` });
  return true;
}

/**
 * Ends a live show once: marks it ended and schedules closing its room (`closeShowJob`), in the
 * caller's transaction when given one (so e.g. an operator's audit entry commits with it).
 * Safe to call twice or concurrently (the status change is conditional); returns whether this
 * call was the one that ended it.
 */
export async function endShow(showId: string, reason: EndReason, tx?: Tx): Promise<boolean> {
  if (tx) return markEnded(tx, showId, reason);
  return db.$transaction((own) => markEnded(own, showId, reason));
}
