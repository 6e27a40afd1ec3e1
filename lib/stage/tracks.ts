import "server-only";
import type { Tx } from "@/lib/db";
import { queueRoomEvent } from "@/lib/events/queue";
import type { LiveKitEvent } from "@/lib/livekit/webhook";
import { getSetting } from "@/lib/settings";
import { liveShowInRoom } from "@/lib/shows/live-show-in-room";
import { seatSelect, takeOffStageIn } from "@/lib/stage/seats";
import { lockShowIfLive, queueHostNotice } from "@/lib/stage/show";

/**
 * LiveKit's track_published / track_unpublished for a guest's connection, in the webhook's
 * transaction (database changes and queued notices only). The room hears "X joined the stage"
 * only once the server has seen both camera and microphone published; a guest whose track goes
 * away after that (their connection died, they unpublished) leaves the stage.
 */
export async function applyStageTrackEvent(tx: Tx, event: LiveKitEvent): Promise<void> {
  const { participant, track } = event;
  if (!participant || !track || (track.source !== "camera" && track.source !== "microphone")) return;
  const show = await liveShowInRoom(tx, event.roomName);
  if (!show) return;
  // The show's row before its seats, as seat-taking and the end of the show do (no deadlock).
  if (!(await lockShowIfLive(tx, show.id))) return;
  const seat = await tx.stageSeat.findFirst({ where: { showId: show.id, identity: participant.identity, leftAt: null }, select: seatSelect });
  if (!seat) return;
  const field = track.source === "camera" ? "cameraTrackSid" : "micTrackSid";

  if (event.event === "track_published") {
    // leftAt: null throughout: a removal or leave commits without the show's lock.
    await tx.stageSeat.updateMany({ where: { id: seat.id, leftAt: null }, data: { [field]: track.sid } });
    const { count } = await tx.stageSeat.updateMany({
      where: { id: seat.id, leftAt: null, onStageAt: null, cameraTrackSid: { not: null }, micTrackSid: { not: null } },
      data: { onStageAt: new Date() },
    });
    if (count === 0) return;
    await queueRoomEvent(tx, show.roomNumber, { type: "stage-joined", identity: seat.identity, name: seat.user.name });
    await queueHostNotice(tx, show);
    return;
  }
  // Only about the track this seat published (a late webhook about an earlier seat's is ignored).
  if (seat[field] !== track.sid) return;
  if (seat.onStageAt) await takeOffStageIn(tx, show, seat, "DISCONNECTED", await getSetting("stagePublishSeconds"));
  else await tx.stageSeat.updateMany({ where: { id: seat.id, leftAt: null, [field]: track.sid }, data: { [field]: null } });
}
