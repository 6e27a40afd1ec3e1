import "server-only";
import { db } from "@/lib/db";
import type { Loop } from "@/lib/leader";
import { listParticipantStates, setTrackMuted } from "@/lib/livekit/participants";
import { hostIdentity } from "@/lib/shows/identity";
import { revokeGuest } from "@/lib/stage/access";
import { openSeats, takeOffStage } from "@/lib/stage/seats";
import { type StageShow, stageRoom, tellHost } from "@/lib/stage/show";

// Someone taken off stage while disconnected could come back with a LiveKit-refreshed token that
// still grants publishing (refreshed tokens live ~10 min): shows with such recent exits are checked.
const RECENT_EXIT_MS = 15 * 60_000;
const EVERY_MS = 2_000;

/** Makes one show's room match its stage. */
export async function syncStage(show: StageShow): Promise<void> {
  const room = stageRoom(show);
  // LiveKit first, then the database: a grant always follows its committed seat, so a seat that
  // is not in the database yet cannot belong to someone LiveKit already lets publish.
  const listedAt = new Date();
  const participants = await listParticipantStates(room);
  const seats = await openSeats(show.id);
  const byIdentity = new Map(participants.map((p) => [p.identity, p]));
  const seated = new Set(seats.map((s) => s.identity));

  for (const seat of seats) {
    const participant = byIdentity.get(seat.identity);
    // Gone without a webhook telling us (e.g. before publishing anything).
    if (!participant) {
      if (seat.grantedAt >= listedAt) continue; // seated after the list was taken: next time

      await takeOffStage(show, seat, "DISCONNECTED");
      continue;
    }
    // A host mute holds: a guest's browser that unmutes the track is muted again.
    for (const track of participant.tracks) {
      const held = (track.source === "microphone" && seat.micMutedByHost) || (track.source === "camera" && seat.cameraMutedByHost);
      if (held && !track.muted) await setTrackMuted(room, seat.identity, track.sid, true);
    }
  }
  // Publishing rights belong to the host and open seats only.
  const host = hostIdentity(show.hostId);
  for (const p of participants) {
    if (p.person && p.canPublish && p.identity !== host && !seated.has(p.identity)) await revokeGuest(show, p.identity);
  }
  // Raised hands of connections that left the room are over.
  const { count } = await db.stageRequest.updateMany({
    where: {
      showId: show.id,
      kind: "HAND",
      status: "PENDING",
      createdAt: { lt: listedAt },
      identity: { notIn: participants.map((p) => p.identity) },
    },
    data: { status: "CANCELLED", answeredAt: new Date() },
  });
  if (count > 0) await tellHost(show);
}

/** Live shows with anything on stage, a raised hand, or a recent exit from the stage. */
async function showsToSync(now: Date): Promise<StageShow[]> {
  return db.show.findMany({
    where: {
      status: "LIVE",
      OR: [
        { stageSeats: { some: { OR: [{ leftAt: null }, { leftAt: { gt: new Date(now.getTime() - RECENT_EXIT_MS) } }] } } },
        { stageRequests: { some: { kind: "HAND", status: "PENDING" } } },
      ],
    },
    select: { id: true, roomNumber: true, hostId: true },
  });
}

/**
 * The stage's backstop on the leading instance: seats whose connection is gone close, host mutes
 * are held, stray publishing rights are revoked, hands of departed viewers drop. Webhooks and the
 * commands do all this as it happens; this catches what they missed or what a browser undid.
 */
export const stageSyncLoop: Loop = {
  name: "stage.sync",
  everyMs: () => EVERY_MS,
  run: async () => {
    for (const show of await showsToSync(new Date())) await syncStage(show);
  },
};
