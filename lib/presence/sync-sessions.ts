import "server-only";
import { db } from "@/lib/db";
import { queueRoomEvent } from "@/lib/events/queue";
import type { RoomParticipant } from "@/lib/livekit/rooms";
import { recountAudience } from "@/lib/presence/recount";
import { scheduleHostTimeoutCheck } from "@/lib/shows/host-timeout";
import { hostIdentity, userIdOf } from "@/lib/shows/identity";
import type { LiveShowRef } from "@/lib/shows/live-show-in-room";

/**
 * Makes a show's sessions match who LiveKit said was in the room at `snapshotAt` (the moment
 * before `inRoom` was asked for): repairs what a lost webhook left behind (ghost viewers, a host
 * marked present who is gone, a session closed while its participant is still there).
 * Webhooks keep arriving while the snapshot is on its way, so only what is older than the
 * snapshot is judged by it: a session that joined after it is not closed, one that was closed
 * after it is not reopened. Host presence is then read from the repaired sessions.
 */
export async function syncSessions(show: LiveShowRef, inRoom: RoomParticipant[], snapshotAt: Date, now = new Date()): Promise<void> {
  const people = inRoom.filter((p) => p.person);
  const knownUsers = new Set(
    (await db.user.findMany({ where: { id: { in: people.map((p) => userIdOf(p.identity)) } }, select: { id: true } })).map(
      (u) => u.id,
    ),
  );
  const present = people.filter((p) => knownUsers.has(userIdOf(p.identity)));
  const presentSids = present.map((p) => p.sid);
  const host = hostIdentity(show.hostId);

  await db.$transaction(async (tx) => {
    // Recount's row lock first: webhooks of this show wait for this repair, and it for them.
    await tx.$queryRaw`SELECT id FROM "Show" WHERE id = ${show.id} FOR UPDATE`;
    // Gone at the snapshot and there before it: a participant_left that never arrived.
    await tx.participantSession.updateMany({
      where: { showId: show.id, leftAt: null, joinedAt: { lt: snapshotAt }, id: { notIn: presentSids } },
      data: { leftAt: now },
    });
    // There at the snapshot but closed before it: closed by mistake (or a webhook out of order).
    await tx.participantSession.updateMany({
      where: { showId: show.id, id: { in: presentSids }, leftAt: { lt: snapshotAt } },
      data: { leftAt: null },
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
    const hostHere = (await tx.participantSession.count({ where: { showId: show.id, isHost: true, leftAt: null } })) > 0;
    const { count } = hostHere
      ? await tx.show.updateMany({ where: { id: show.id, status: "LIVE", hostAwaySince: { not: null } }, data: { hostAwaySince: null } })
      : await tx.show.updateMany({ where: { id: show.id, status: "LIVE", hostAwaySince: null }, data: { hostAwaySince: now } });
    if (count === 0) return;
    await queueRoomEvent(tx, show.roomNumber, { type: hostHere ? "host-back" : "host-away" });
    if (!hostHere) await scheduleHostTimeoutCheck(tx, show.id);
  });
}
