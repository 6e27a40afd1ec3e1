import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Loop } from "@/lib/leader";

/** Samples are kept a little longer than the longest chart range (7 days). */
export const SAMPLES_KEPT_DAYS = 8;

/**
 * One sample of who is watching: per live show its viewer count, site-wide their sum and the
 * number of live shows (the counts webhooks and reconcile keep true), all from one read at one
 * instant. Samples past the retention are deleted.
 */
export async function sampleAudience(at = new Date()): Promise<void> {
  const keepFrom = new Date(at.getTime() - SAMPLES_KEPT_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    const live = await tx.show.findMany({ where: { status: "LIVE" }, select: { id: true, viewerCount: true } });
    const viewers = live.reduce((sum, show) => sum + show.viewerCount, 0);
    await tx.siteSample.createMany({ data: [{ at, viewers, liveShows: live.length }], skipDuplicates: true });
    if (live.length) {
      await tx.showSample.createMany({ data: live.map((s) => ({ showId: s.id, at, viewers: s.viewerCount })), skipDuplicates: true });
    }
    await tx.showSample.deleteMany({ where: { at: { lt: keepFrom } } });
    await tx.siteSample.deleteMany({ where: { at: { lt: keepFrom } } });
  });
}

/** Every 30 s (SUIXIN_METRICS_SAMPLE_SECONDS), on the leading instance only. */
export const metricsLoop: Loop = {
  name: "metrics",
  everyMs: () => env().SUIXIN_METRICS_SAMPLE_SECONDS * 1000,
  run: () => sampleAudience(),
};
