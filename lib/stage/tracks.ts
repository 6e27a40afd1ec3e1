import "server-only";
import { db } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import type { LiveKitEvent } from "@/lib/livekit/webhook";
import { liveShowInRoom } from "@/lib/shows/live-show-in-room";
import { openSeatOf, takeOffStage } from "@/lib/stage/seats";
import { tellHost } from "@/lib/stage/show";

/**
 * LiveKit's track_published / track_unpublished for a guest's connection. The room hears
 * "X joined the stage" only once the server has seen both camera and microphone published;
 * a guest whose track goes away after that (their connection died, they unpublished) leaves.
 */
export async function applyStageTrackEvent(event: LiveKitEvent): Promise<void> {
  const { participant, track } = event;
  if (!participant || !track || (track.source !== "camera" && track.source !== "microphone")) return;
  const show = await liveShowInRoom(event.roomName);
  if (!show) return;
  const seat = await openSeatOf(show.id, participant.identity);
  if (!seat) return;
  const field = track.source === "camera" ? "cameraTrackSid" : "micTrackSid";

  if (event.event === "track_published") {
    await db.stageSeat.updateMany({ where: { id: seat.id, leftAt: null }, data: { [field]: track.sid } });
    const { count } = await db.stageSeat.updateMany({
      where: { id: seat.id, leftAt: null, onStageAt: null, cameraTrackSid: { not: null }, micTrackSid: { not: null } },
      data: { onStageAt: new Date() },
    });
    if (count === 0) return;
    await broadcastRoomEvent(show.roomNumber, { type: "stage-joined", identity: seat.identity, name: seat.user.name });
    await tellHost(show);
    return;
  }
  // Only about the track this seat published (a late webhook about an earlier seat's is ignored).
  if (seat[field] !== track.sid) return;
  if (seat.onStageAt) await takeOffStage(show, seat, "DISCONNECTED");
  else await db.stageSeat.updateMany({ where: { id: seat.id, leftAt: null, [field]: track.sid }, data: { [field]: null } });
}
