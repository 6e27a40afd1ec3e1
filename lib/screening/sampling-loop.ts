import "server-only";
import { db } from "@/lib/db";
import type { Loop } from "@/lib/leader";
import { getClassifier } from "@/lib/screening/classifier";
import { screenShowJob } from "@/lib/screening/screen-show";
import { getSetting } from "@/lib/settings";

// The loop ticks every second and starts a round when the interval has passed, so a changed
// interval applies within a second (settings are cached for one second; the tick costs no query).
const TICK_MS = 1_000;
let lastRoundAt = 0;

/**
 * Every interval, on the leading instance only: one screening job per live show, spread over the
 * interval so the frames of many shows do not all arrive at once. A job still waiting from the
 * last round is replaced (job key), so a lagging classifier never piles up work.
 */
export const screeningLoop: Loop = {
  name: "screening",
  everyMs: () => TICK_MS,
  async run() {
    const intervalMs = (await getSetting("screeningIntervalSeconds")) * 1000;
    if (Date.now() - lastRoundAt < intervalMs) return;
    lastRoundAt = Date.now();
    const live = await db.show.findMany({ where: { status: "LIVE" }, select: { id: true }, orderBy: { startedAt: "asc" } });
    if (live.length === 0) return;
    void getClassifier().catch(() => undefined); // warm it before the first frame needs it
    const now = Date.now();
    await Promise.all(
      live.map((show, i) =>
        screenShowJob.enqueue(
          { showId: show.id },
          { jobKey: `screening:${show.id}`, runAt: new Date(now + Math.floor((i * intervalMs) / live.length)), maxAttempts: 1 },
        ),
      ),
    );
  },
};
