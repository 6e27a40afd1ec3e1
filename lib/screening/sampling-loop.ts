import "server-only";
import pLimit from "p-limit";
import { db } from "@/lib/db";
import { type Loop, isLeader } from "@/lib/leader";
import { leaveCaptureRooms } from "@/lib/livekit/frame-capture";
import { getClassifier } from "@/lib/screening/classifier";
import { type Schedule, dueShows } from "@/lib/screening/schedule";
import { screenShow } from "@/lib/screening/screen-show";
import { getSetting } from "@/lib/settings";
import { roomNameFor } from "@/lib/shows/room-name";

// Sampling runs on the leading instance only, in this loop: the capture connections (one per
// screened room, lib/livekit/frame-capture) live in this process between samples, so each sample
// is a subscription toggle, not a new WebRTC connection, and no job row is written per sample.
// The loop ticks every second and starts the samples that are due; a sample never blocks the
// tick: it runs beside it, one at a time per show.
const TICK_MS = 1_000;
// Captures overlapping at most this much; the classifier itself takes one frame at a time.
const CONCURRENT_SAMPLES = 3;

const state = globalThis as unknown as { suixinScreening?: { shows: Map<string, Schedule>; watchdog: NodeJS.Timeout | null } };
const screening = (state.suixinScreening ??= { shows: new Map(), watchdog: null });
const limit = pLimit(CONCURRENT_SAMPLES);

/** An instance that no longer leads leaves its capture rooms (the new leader joins its own). */
function watchLeadership(): void {
  if (screening.watchdog) return;
  screening.watchdog = setInterval(() => {
    if (isLeader()) return;
    screening.shows.clear();
    void leaveCaptureRooms();
  }, 5_000);
  screening.watchdog.unref();
}

export const screeningLoop: Loop = {
  name: "screening",
  everyMs: () => TICK_MS,
  async run() {
    watchLeadership();
    const intervalMs = (await getSetting("screeningIntervalSeconds")) * 1000;
    const live = await db.show.findMany({ where: { status: "LIVE" }, select: { id: true, roomNumber: true }, orderBy: { startedAt: "asc" } });
    const liveIds = new Set(live.map((s) => s.id));
    for (const id of screening.shows.keys()) if (!liveIds.has(id)) screening.shows.delete(id);
    // Screening stops with the show: its capture connection goes too.
    await leaveCaptureRooms(new Set(live.map((s) => roomNameFor(s.roomNumber))));
    if (live.length === 0) return;
    void getClassifier().catch(() => undefined); // warm it before the first frame needs it

    const now = Date.now();
    for (const show of live) if (!screening.shows.has(show.id)) screening.shows.set(show.id, { lastStartAt: 0, running: false });
    for (const show of dueShows(live, screening.shows, now, intervalMs)) {
      const schedule = screening.shows.get(show.id);
      if (!schedule) continue;
      schedule.running = true;
      schedule.lastStartAt = now;
      void limit(() => screenShow(show.id))
        .catch((error: unknown) => console.warn("[screening] sample failed:", error instanceof Error ? error.message : error))
        .finally(() => {
          schedule.running = false;
        });
    }
  },
};
