import "server-only";
import { db, isUniqueViolation } from "@/lib/db";
import { applyEgressEvent } from "@/lib/egress/apply-egress-event";
import { deleteRoom } from "@/lib/livekit/rooms";
import type { LiveKitEvent } from "@/lib/livekit/webhook";
import { participantJoined, participantLeft } from "@/lib/presence/participant-events";
import { endShow } from "@/lib/shows/end-show";
import { liveShowInRoom } from "@/lib/shows/live-show-in-room";
import { applyStageTrackEvent } from "@/lib/stage/tracks";

async function handle(event: LiveKitEvent): Promise<void> {
  switch (event.event) {
    case "room_started": {
      // Rooms exist only for live shows; anything else (a stale client, a leftover) is closed.
      if (event.roomName && !(await liveShowInRoom(event.roomName))) await deleteRoom(event.roomName);
      return;
    }
    case "room_finished": {
      const show = await liveShowInRoom(event.roomName);
      if (show) await endShow(show.id, "ROOM_GONE");
      return;
    }
    case "participant_joined":
    case "participant_left": {
      const participant = event.participant;
      if (!participant?.person) return;
      const show = await liveShowInRoom(event.roomName);
      if (!show) return;
      await (event.event === "participant_joined" ? participantJoined : participantLeft)(show, participant);
      return;
    }
    case "track_published":
    case "track_unpublished": {
      await applyStageTrackEvent(event);
      return;
    }
    case "egress_started":
    case "egress_updated":
    case "egress_ended": {
      if (event.egress) await applyEgressEvent(event.egress);
      return;
    }
    default:
      return;
  }
}

/**
 * Applies a verified LiveKit webhook once. LiveKit retries deliveries, so the id is recorded
 * first; if handling fails the record is removed again so the retry is applied.
 */
export async function applyLiveKitEvent(event: LiveKitEvent): Promise<"applied" | "duplicate"> {
  try {
    await db.webhookDelivery.create({ data: { id: event.id, event: event.event } });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  try {
    await handle(event);
    return "applied";
  } catch (error) {
    await db.webhookDelivery.delete({ where: { id: event.id } }).catch(() => undefined);
    throw error;
  }
}
