import "server-only";
import { db } from "@/lib/db";
import type { RoomParticipant } from "@/lib/livekit/rooms";
import { recountAudience } from "@/lib/presence/recount";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { hostIdentity, userIdOf } from "@/lib/shows/identity";
import type { LiveShowRef } from "@/lib/shows/live-show-in-room";

/**
 * Makes a show's sessions match who LiveKit says is in the room right now: repairs
 * anything a lost webhook left behind (ghost viewers, a host marked present who is gone).
 */
export async function syncSessions(show: LiveShowRef, inRoom: RoomParticipant[], now = new Date()): Promise<void> {
  const people = inRoom.filter((p) => p.person);
  const knownUsers = new Set(
    (await db.user.findMany({ where: { id: { in: people.map((p) => userIdOf(p.identity)) } }, select: { id: true } })).map(
      (u) => u.id,
    ),
  );
  const present = people.filter((p) => knownUsers.has(userIdOf(p.identity)));
  const presentSids = present.map((p) => p.sid);
  const host = hostIdentity(show.hostId);
  const hostPresent = present.some((p) => p.identity === host);

  const hostChange = await db.$transaction(async (tx) => {
    await tx.participantSession.updateMany({
      where: { showId: show.id, leftAt: null, id: { notIn: presentSids } },
      data: { leftAt: now },
    });
    await tx.participantSession.createMany({
      data: present.map((p) => ({
        id: p.sid,
        showId: show.id,
        userId: userIdOf(p.identity),
        isHost: p.identity === host,
        joinedAt: p.joinedAt,
      })),
      skipDuplicates: true,
    });
    await recountAudience(tx, show.id);
    if (hostPresent) {
      const { count } = await tx.show.updateMany({ where: { id: show.id, hostAwaySince: { not: null } }, data: { hostAwaySince: null } });
      return count > 0 ? "back" : null;
    }
    const { count } = await tx.show.updateMany({ where: { id: show.id, hostAwaySince: null }, data: { hostAwaySince: now } });
    return count > 0 ? "away" : null;
  });
  if (hostChange) await broadcastRoomEvent(show.roomNumber, { type: hostChange === "away" ? "host-away" : "host-back" });
}
