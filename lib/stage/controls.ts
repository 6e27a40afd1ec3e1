import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { getParticipant, setParticipantAttributes, setTrackMuted } from "@/lib/livekit/participants";
import { consume } from "@/lib/rate-limit";
import { MUTED_BY_HOST_ATTRIBUTE } from "@/lib/stage/attributes";
import type { StageSource } from "@/lib/stage/schema";
import { openSeatOf, openSeatOfUser, takeOffStage } from "@/lib/stage/seats";
import { requireLiveShow, requireStageManager, stageRoom, tellHost } from "@/lib/stage/show";

const SOURCE_WORD: Record<StageSource, string> = { camera: "camera", microphone: "microphone" };

/** The guest's open seat, looked up on the guest (the target), never on the caller. */
async function requireGuestSeat(showId: string, identity: string) {
  const seat = await openSeatOf(showId, identity);
  if (!seat) throw new AppError("NOT_FOUND", "That person is not on stage.");
  return seat;
}

/**
 * The host mutes or unmutes a guest's camera or microphone from the server. A host mute is
 * remembered on the seat (and shown to the guest as an attribute): the guest cannot lift it,
 * and the stage loop mutes the track again if their browser tries (lib/stage/sync.ts).
 */
export async function muteGuest(user: SessionUser, roomNumber: number, identity: string, source: StageSource, muted: boolean) {
  await consume("stage.control", user.id);
  const show = await requireLiveShow(roomNumber);
  requireStageManager(user, show);
  const seat = await requireGuestSeat(show.id, identity);
  const room = stageRoom(show);
  const track = (await getParticipant(room, identity))?.tracks.find((t) => t.source === source);
  if (!track) throw new AppError("STAGE_CONFLICT", `${seat.user.name} has no ${SOURCE_WORD[source]} on yet.`);

  // The seat first: the stage loop must never see a track unmuted by the host while the seat still says muted.
  const field = source === "camera" ? "cameraMutedByHost" : "micMutedByHost";
  const { count } = await db.stageSeat.updateMany({ where: { id: seat.id, leftAt: null }, data: { [field]: muted } });
  if (count === 0) throw new AppError("NOT_FOUND", "That person is not on stage.");
  await setTrackMuted(room, identity, track.sid, muted);
  await setParticipantAttributes(room, identity, { [MUTED_BY_HOST_ATTRIBUTE[source]]: muted ? "1" : "" });
  await broadcastRoomEvent(show.roomNumber, { type: "stage-muted", identity, name: seat.user.name, source, muted });
  await tellHost(show);
  return { muted };
}

/** The host takes a guest off stage (publishing revoked, tracks unpublished, a viewer again). */
export async function removeGuest(user: SessionUser, roomNumber: number, identity: string) {
  await consume("stage.control", user.id);
  const show = await requireLiveShow(roomNumber);
  requireStageManager(user, show);
  const seat = await requireGuestSeat(show.id, identity);
  // Lost a race (the guest left, another click removed them): same answer, nothing changed.
  if (!(await takeOffStage(show, seat, "REMOVED"))) throw new AppError("NOT_FOUND", "That person is not on stage.");
  return { onStage: false };
}

/** A guest leaves the stage. Leaving when not on stage (a double click, removed meanwhile) changes nothing. */
export async function leaveStage(user: SessionUser, roomNumber: number) {
  await consume("stage.control", user.id);
  const show = await requireLiveShow(roomNumber);
  const seat = await openSeatOfUser(show.id, user.id);
  if (seat) await takeOffStage(show, seat, "LEFT");
  return { onStage: false };
}
