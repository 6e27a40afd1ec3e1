import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Recomputes a show's audience figures from its participant sessions, inside the caller's
 * transaction and under a row lock, so concurrent joins/leaves cannot lose an update.
 * Viewers are distinct people (two tabs count once); the host is not a viewer.
 */
export async function recountAudience(tx: Tx, showId: string) {
  await tx.$queryRaw`SELECT id FROM "Show" WHERE id = ${showId} FOR UPDATE`;
  const [current, unique] = await Promise.all([
    tx.participantSession.findMany({
      where: { showId, isHost: false, leftAt: null },
      distinct: ["userId"],
      select: { userId: true },
    }),
    tx.participantSession.findMany({ where: { showId, isHost: false }, distinct: ["userId"], select: { userId: true } }),
  ]);
  const show = await tx.show.findUniqueOrThrow({ where: { id: showId }, select: { peakViewers: true } });
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
