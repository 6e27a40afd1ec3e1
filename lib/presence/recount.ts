import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Recomputes a show's audience figures from its participant sessions, inside the caller's
 * transaction and under a row lock, so concurrent joins/leaves cannot lose an update.
 * Viewers are distinct people (two tabs count once); the host is not a viewer.
 */
export async function recountAudience(tx: Tx, showId: string) {
  await tx.$queryRaw`SELECT id FROM "Show" WHERE id = ${showId} FOR UPDATE`;
  const show = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { peakViewers: true, hostId: true } });
  // The host watching their own show in another tab is not a viewer either.
  const viewers = { showId, isHost: false, userId: { not: show.hostId } };
  const [current, unique] = await Promise.all([
    tx.participantSession.findMany({ where: { ...viewers, leftAt: null }, distinct: ["userId"], select: { userId: true } }),
    tx.participantSession.findMany({ where: viewers, distinct: ["userId"], select: { userId: true } }),
  ]);
  return tx.show.update({
    where: { id: showId },
    data: {
      viewerCount: current.length,
      peakViewers: Math.max(show.peakViewers, current.length),
      uniqueViewers: unique.length,
    },
    select: { viewerCount: true, peakViewers: true, uniqueViewers: true },
  });
}
