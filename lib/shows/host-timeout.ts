import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { endShow } from "@/lib/shows/end-show";

/** Ends the show if its host has been away for longer than the grace period. */
export async function endIfHostGone(showId: string, now = new Date()): Promise<boolean> {
  const graceMs = env().SUIXIN_HOST_GRACE_SECONDS * 1000;
  const show = await db.show.findFirst({
    where: { id: showId, status: "LIVE", hostAwaySince: { lte: new Date(now.getTime() - graceMs) } },
    select: { id: true },
  });
  return show ? endShow(show.id, "HOST_TIMEOUT") : false;
}

/**
 * Checks again when the grace period is over. The timer is only a fast path: the reconcile
 * loop applies the same rule, so a restart or a second app instance cannot miss it.
 */
export function scheduleHostTimeoutCheck(showId: string): void {
  const delay = env().SUIXIN_HOST_GRACE_SECONDS * 1000 + 250;
  setTimeout(() => {
    endIfHostGone(showId).catch((error) => console.error("[shows] host timeout check failed", error));
  }, delay).unref();
}
