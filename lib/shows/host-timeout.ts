import "server-only";
import { z } from "zod";
import { type Tx, db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { getSetting } from "@/lib/settings";
import { endShowIn } from "@/lib/shows/end-show";

/** Ends the show if its host has been away for longer than the grace period. */
export async function endIfHostGone(showId: string, now = new Date()): Promise<boolean> {
  const cutoff = new Date(now.getTime() - (await getSetting("hostGraceSeconds")) * 1000);
  return db.$transaction(async (tx) => {
    // Under the row lock, so a host coming back right now either clears the flag first or waits.
    const away = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Show" WHERE id = ${showId} AND status = 'LIVE' AND "hostAwaySince" <= ${cutoff} FOR UPDATE`;
    return away.length > 0 ? endShowIn(tx, showId, "HOST_TIMEOUT", now) : false;
  });
}

export const hostTimeoutJob = defineJob("shows.host-timeout", z.object({ showId: z.string() }), async ({ showId }) => {
  await endIfHostGone(showId);
});

/**
 * Checks again when the grace period is over (a durable delayed job, enqueued in the caller's
 * transaction: it survives a restart and runs on whichever instance is free). The reconcile loop applies the same rule as a backstop.
 */
export async function scheduleHostTimeoutCheck(tx: Tx, showId: string): Promise<void> {
  const delayMs = (await getSetting("hostGraceSeconds")) * 1000 + 250;
  await hostTimeoutJob.enqueue({ showId }, { tx, runAt: new Date(Date.now() + delayMs), jobKey: `host-timeout:${showId}` });
}
