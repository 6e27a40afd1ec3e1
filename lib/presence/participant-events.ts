import "server-only";
import type { Tx } from "@/lib/db";
import { queueRoomEvent } from "@/lib/events/queue";
import { recountAudience } from "@/lib/presence/recount";
import { scheduleHostTimeoutCheck } from "@/lib/shows/host-timeout";
import { hostIdentity, userIdOf } from "@/lib/shows/identity";
import type { LiveShowRef } from "@/lib/shows/live-show-in-room";

type Member = { sid: string; identity: string; name: string };

async function isUser(tx: Tx, userId: string): Promise<boolean> {
  return (await tx.user.count({ where: { id: userId } })) > 0;
}

/**
 * The show's row lock before any session is touched: every transaction that changes a show's
 * sessions (these, reconcile's repair, the end of the show) takes the show first, so they queue
 * up instead of deadlocking on each other's rows.
 */
async function lockShow(tx: Tx, showId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Show" WHERE id = ${showId} FOR UPDATE`;
}

// Both run in the webhook's transaction: the session, the recount and the notices (sent once it
// commits, with the audience size the server just computed) stand or fall with the delivery record.

/** A person connected to a show's room (from LiveKit's participant_joined). */
export async function participantJoined(tx: Tx, show: LiveShowRef, member: Member): Promise<void> {
  const userId = userIdOf(member.identity);
  if (!(await isUser(tx, userId))) return;
  // Only the host's publishing connection is "the host"; the host watching in a tab is not.
  const isHost = member.identity === hostIdentity(show.hostId);
  await lockShow(tx, show.id);
  // Keyed by LiveKit's participant sid: a retried or late webhook cannot double count.
  // (createMany + skipDuplicates, not upsert: joined and left may race for the same sid.)
  await tx.participantSession.createMany({
    data: [{ id: member.sid, showId: show.id, userId, isHost }],
    skipDuplicates: true,
  });
  const back = isHost
    ? (await tx.show.updateMany({ where: { id: show.id, hostAwaySince: { not: null } }, data: { hostAwaySince: null } })).count > 0
    : false;
  const audience = await recountAudience(tx, show.id);
  await queueRoomEvent(tx, show.roomNumber, { type: "joined", identity: member.identity, name: member.name, viewers: audience.viewerCount });
  if (back) await queueRoomEvent(tx, show.roomNumber, { type: "host-back" });
}

/** A person left a show's room (from LiveKit's participant_left, also after a connection drop). */
export async function participantLeft(tx: Tx, show: LiveShowRef, member: Member): Promise<void> {
  const userId = userIdOf(member.identity);
  if (!(await isUser(tx, userId))) return;
  const isHost = member.identity === hostIdentity(show.hostId);
  const now = new Date();
  await lockShow(tx, show.id);
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
  const audience = await recountAudience(tx, show.id);
  await queueRoomEvent(tx, show.roomNumber, { type: "left", identity: member.identity, name: member.name, viewers: audience.viewerCount });
  if (away) {
    await queueRoomEvent(tx, show.roomNumber, { type: "host-away" });
    await scheduleHostTimeoutCheck(tx, show.id);
  }
}
