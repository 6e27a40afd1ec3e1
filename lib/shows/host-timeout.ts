import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { getSetting } from "@/lib/settings";
import { endShow } from "@/lib/shows/end-show";

/** Ends the show if its host has been away for longer than the grace period. */
export async function endIfHostGone(showId: string, now = new Date()): Promise<boolean> {
  const graceMs = (await getSetting("hostGraceSeconds")) * 1000;
  const show = await db.show.findFirst({
    where: { id: showId, status: "LIVE", hostAwaySince: { lte: new Date(now.getTime() - graceMs) } },
    select: { id: true },
  });
  return show ? endShow(show.id, "HOST_TIMEOUT") : false;
}

export const hostTimeoutJob = defineJob("shows.host-timeout", z.object({ showId: z.string() }), async ({ showId }) => {
  await endIfHostGone(showId);
});

/**
 * Checks again when the grace period is over (a durable delayed job: it survives a restart and
 * runs on whichever instance is free). The reconcile loop applies the same rule as a backstop.
 */
export async function scheduleHostTimeoutCheck(showId: string): Promise<void> {
  const delayMs = (await getSetting("hostGraceSeconds")) * 1000 + 250;
  await hostTimeoutJob.enqueue({ showId }, { runAt: new Date(Date.now() + delayMs), jobKey: `host-timeout:${showId}` });
}
