import "server-only";
import { db } from "@/lib/db";
import { recountAudience } from "@/lib/presence/recount";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { scheduleHostTimeoutCheck } from "@/lib/shows/host-timeout";
import { hostIdentity, userIdOf } from "@/lib/shows/identity";
import type { LiveShowRef } from "@/lib/shows/live-show-in-room";

type Member = { sid: string; identity: string; name: string };

/** Tells the room who came or went, with the audience size the server just computed. */
async function announce(show: LiveShowRef, type: "joined" | "left", member: Member, viewers: number) {
  await broadcastRoomEvent(show.roomNumber, { type, identity: member.identity, name: member.name, viewers });
}

async function isUser(userId: string): Promise<boolean> {
  return (await db.user.count({ where: { id: userId } })) > 0;
}

/** A person connected to a show's room (from LiveKit's participant_joined). */
export async function participantJoined(show: LiveShowRef, member: Member): Promise<void> {
  const userId = userIdOf(member.identity);
  if (!(await isUser(userId))) return;
  // Only the host's publishing connection is "the host"; the host watching in a tab is not.
  const isHost = member.identity === hostIdentity(show.hostId);
  const { audience, hostBack } = await db.$transaction(async (tx) => {
    // Keyed by LiveKit's participant sid: a retried or late webhook cannot double count.
    // (createMany + skipDuplicates, not upsert: joined and left may race for the same sid.)
    await tx.participantSession.createMany({
      data: [{ id: member.sid, showId: show.id, userId, isHost }],
      skipDuplicates: true,
    });
    const back = isHost
      ? (await tx.show.updateMany({ where: { id: show.id, hostAwaySince: { not: null } }, data: { hostAwaySince: null } })).count > 0
      : false;
    return { audience: await recountAudience(tx, show.id), hostBack: back };
  });
  await announce(show, "joined", member, audience.viewerCount);
  if (hostBack) await broadcastRoomEvent(show.roomNumber, { type: "host-back" });
}

/** A person left a show's room (from LiveKit's participant_left, also after a connection drop). */
export async function participantLeft(show: LiveShowRef, member: Member): Promise<void> {
  const userId = userIdOf(member.identity);
  if (!(await isUser(userId))) return;
  // Only the host's publishing connection is "the host"; the host watching in a tab is not.
  const isHost = member.identity === hostIdentity(show.hostId);
  const now = new Date();
  const { audience, hostAway } = await db.$transaction(async (tx) => {
    await tx.participantSession.createMany({
      data: [{ id: member.sid, showId: show.id, userId, isHost, joinedAt: now, leftAt: now }],
      skipDuplicates: true,
    });
    await tx.participantSession.updateMany({ where: { id: member.sid, leftAt: null }, data: { leftAt: now } });
    let away = false;
    if (isHost) {
      const stillHere = await tx.participantSession.count({ where: { showId: show.id, isHost: true, leftAt: null } });
      away =
        stillHere === 0 &&
        (await tx.show.updateMany({ where: { id: show.id, hostAwaySince: null }, data: { hostAwaySince: now } })).count > 0;
    }
    return { audience: await recountAudience(tx, show.id), hostAway: away };
  });
  await announce(show, "left", member, audience.viewerCount);
  if (hostAway) {
    await broadcastRoomEvent(show.roomNumber, { type: "host-away" });
    await scheduleHostTimeoutCheck(show.id);
  }
}
