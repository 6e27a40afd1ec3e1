import "server-only";
import { z } from "zod";
import { type Tx, db } from "@/lib/db";
import { applyEgressEvent } from "@/lib/egress/apply-egress-event";
import { defineJob } from "@/lib/jobs/define";
import { deleteRoom } from "@/lib/livekit/rooms";
import type { LiveKitEvent } from "@/lib/livekit/webhook";
import { participantJoined, participantLeft } from "@/lib/presence/participant-events";
import { endShowIn } from "@/lib/shows/end-show";
import { liveShowInRoom } from "@/lib/shows/live-show-in-room";
import { applyStageTrackEvent } from "@/lib/stage/tracks";

/** Rooms exist only for live shows; anything else (a stale client, a leftover) is closed. */
export const closeStrayRoomJob = defineJob("shows.close-stray-room", z.object({ roomName: z.string() }), async ({ roomName }) => {
  if (!(await liveShowInRoom(db, roomName))) await deleteRoom(roomName);
});

/** The event's database effects, in the delivery's transaction; anything slow is a job enqueued in it. */
async function handle(tx: Tx, event: LiveKitEvent): Promise<void> {
  switch (event.event) {
    case "room_started": {
      if (event.roomName && !(await liveShowInRoom(tx, event.roomName))) {
        await closeStrayRoomJob.enqueue({ roomName: event.roomName }, { tx });
      }
      return;
    }
    case "room_finished": {
      const show = await liveShowInRoom(tx, event.roomName);
      if (show) await endShowIn(tx, show.id, "ROOM_GONE");
      return;
    }
    case "participant_joined":
    case "participant_left": {
      const participant = event.participant;
      if (!participant?.person) return;
      const show = await liveShowInRoom(tx, event.roomName);
      if (!show) return;
      await (event.event === "participant_joined" ? participantJoined : participantLeft)(tx, show, participant);
      return;
    }
    case "track_published":
    case "track_unpublished": {
      await applyStageTrackEvent(tx, event);
      return;
    }
    case "egress_started":
    case "egress_updated":
    case "egress_ended": {
      if (event.egress) await applyEgressEvent(tx, event.egress);
      return;
    }
    default:
      return;
  }
}

/**
 * Applies a verified LiveKit webhook once. LiveKit retries deliveries, so its id is recorded in
 * the same transaction as the event's effects: both commit, or neither (and the retry applies it).
 * Nothing slow runs here (LiveKit gives up on a webhook after a few seconds and drops queued ones):
 * room notices, Egress and room calls and file work are jobs that run once this has committed.
 */
export async function applyLiveKitEvent(event: LiveKitEvent): Promise<"applied" | "duplicate"> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.createMany({ data: [{ id: event.id, event: event.event }], skipDuplicates: true });
    if (count === 0) return "duplicate";
    await handle(tx, event);
    return "applied";
  });
}
