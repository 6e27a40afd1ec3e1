import "server-only";
import { z } from "zod";
import { type Tx, db } from "@/lib/db";
import { stopShowEgresses } from "@/lib/egress/stop-broadcast";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import type { EndReason } from "@/lib/generated/prisma/enums";
import { defineJob } from "@/lib/jobs/define";
import { settleLikesIn } from "@/lib/likes/flush";
import { deleteRoom } from "@/lib/livekit/rooms";
import { roomNameFor } from "@/lib/shows/room-name";
import { closeStage } from "@/lib/stage/close-stage";

const REASONS = ["HOST", "HOST_TIMEOUT", "OPERATOR", "ROOM_GONE"] as const satisfies readonly EndReason[];

/**
 * What follows the end of a show, outside any request, in this order: everyone in the room is
 * told (before the room closes under them), its outputs stop (before the room closes, so a
 * stopped MP4 is finalized and no output waits for a room that is gone), then the room closes.
 * Only the notice can fail the job (and be retried): the later steps have their own backstops
 * (the reconcile loop closes rooms without a live show and settles outputs), so a retry never
 * sends a second "ended".
 */
export const showEndedJob = defineJob(
  "shows.ended",
  z.object({ showId: z.string(), roomNumber: z.number().int(), reason: z.enum(REASONS) }),
  async ({ showId, roomNumber, reason }) => {
    // LiveKit closed the room itself (ROOM_GONE): nobody is left to tell or to disconnect.
    if (reason !== "ROOM_GONE") await broadcastRoomEvent(roomNumber, { type: "ended", reason });
    await stopShowEgresses({ id: showId, roomNumber });
    if (reason === "ROOM_GONE") return;
    try {
      await deleteRoom(roomNameFor(roomNumber));
    } catch (error) {
      console.warn(`[shows] room of show ${roomNumber} not closed yet:`, error instanceof Error ? error.message : error);
    }
  },
);

/**
 * Ends a live show once, in the caller's transaction: marks it ended, closes its sessions, and
 * queues the follow-up work ("ended" notice, outputs, room), which happens only if it commits.
 * Safe to call twice or concurrently (the status change is conditional): returns whether this
 * call was the one that ended it, so exactly one "ended" notice is sent.
 */
export async function endShowIn(tx: Tx, showId: string, reason: EndReason, now = new Date()): Promise<boolean> {
  const { count } = await tx.show.updateMany({
    where: { id: showId, status: "LIVE" },
    data: { status: "ENDED", endedAt: now, endReason: reason, viewerCount: 0, hostAwaySince: null },
  });
  if (count === 0) return false;
  await tx.participantSession.updateMany({ where: { showId, leftAt: null }, data: { leftAt: now } });
  await closeStage(tx, showId, now);
  // Hearts tapped just before the end are in the total the summary shows, not 250 ms later.
  await settleLikesIn(tx, showId);
  const { roomNumber } = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { roomNumber: true } });
  await showEndedJob.enqueue({ showId, roomNumber, reason }, { tx, jobKey: `show-ended:${showId}` });
  return true;
}

/** Ends a live show in a transaction of its own (see endShowIn). */
export async function endShow(showId: string, reason: EndReason): Promise<boolean> {
  return db.$transaction((tx) => endShowIn(tx, showId, reason));
}
