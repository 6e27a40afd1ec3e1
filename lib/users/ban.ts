import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define";
import { removeUserEverywhere } from "@/lib/livekit/rooms";
import { endShowIn } from "@/lib/shows/end-show";
import { userIdOf } from "@/lib/shows/identity";
import { isBanned } from "@/lib/users/standing";

/**
 * Disconnects a banned user from every LiveKit room. A job: listing every room is not work for
 * the request that bans, and it retries while LiveKit is unreachable. Their session is already
 * gone, so they cannot get a new room token; LiveKit would otherwise keep refreshing the old one.
 */
export const removeFromRoomsJob = defineJob("users.remove-from-rooms", z.object({ userId: z.string() }), async ({ userId }) => {
  await removeUserEverywhere(userId, userIdOf);
});

export type BanTerms = { reason: string; until: Date | null };

/**
 * Bans an account in the caller's transaction: every session ends at once (the session version
 * moves on, and no session of a banned account is accepted), logging in is refused until the ban
 * is lifted or `until` passes, a live show of theirs ends, and they are removed from every room.
 * Banning again replaces the terms. Returns the room of the show that ended, if any.
 */
export async function banUser(tx: Tx, userId: string, terms: BanTerms): Promise<{ endedRoomNumber: number | null }> {
  await tx.user.update({
    where: { id: userId },
    data: { bannedAt: new Date(), bannedUntil: terms.until, banReason: terms.reason, sessionVersion: { increment: 1 } },
  });
  const live = await tx.show.findFirst({ where: { hostId: userId, status: "LIVE" }, select: { id: true, roomNumber: true } });
  const ended = live ? await endShowIn(tx, live.id, "OPERATOR") : false;
  await removeFromRoomsJob.enqueue({ userId }, { tx, jobKey: `users.remove-from-rooms:${userId}` });
  return { endedRoomNumber: ended && live ? live.roomNumber : null };
}

/** Lifts a ban: the account may log in again (its old sessions stay revoked). */
export async function unbanUser(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { bannedAt: true, bannedUntil: true } });
  if (!isBanned(user)) throw new AppError("CONFLICT", "This account is not banned.");
  await tx.user.update({ where: { id: userId }, data: { bannedAt: null, bannedUntil: null, banReason: null } });
}
