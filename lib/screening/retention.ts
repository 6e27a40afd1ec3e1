import "server-only";
import { db } from "@/lib/db";
import type { Loop } from "@/lib/leader";
import { deleteFrames } from "@/lib/screening/frames";
import { getSettings } from "@/lib/settings";

const BATCH = 500;
const HOUR_MS = 3_600_000;

/**
 * Deletes screening samples older than screeningSampleRetentionHours and flags older than
 * screeningFlagRetentionDays, with their frame files; a frame that a flag still keeps stays.
 */
export async function deleteExpiredScreening(now = new Date()): Promise<{ samples: number; flags: number }> {
  const settings = await getSettings();
  const flagCutoff = new Date(now.getTime() - settings.screeningFlagRetentionDays * 24 * HOUR_MS);
  const sampleCutoff = new Date(now.getTime() - settings.screeningSampleRetentionHours * HOUR_MS);
  let flags = 0;
  let samples = 0;
  for (;;) {
    const old = await db.screeningFlag.findMany({ where: { createdAt: { lt: flagCutoff } }, select: { id: true, frameFile: true }, take: BATCH });
    if (old.length === 0) break;
    await db.screeningFlag.deleteMany({ where: { id: { in: old.map((f) => f.id) } } });
    const files = old.flatMap((f) => (f.frameFile ? [f.frameFile] : []));
    const stillSampled = new Set((await db.screeningSample.findMany({ where: { frameFile: { in: files } }, select: { frameFile: true } })).map((s) => s.frameFile));
    await deleteFrames(files.filter((f) => !stillSampled.has(f)));
    flags += old.length;
  }
  for (;;) {
    const old = await db.screeningSample.findMany({ where: { capturedAt: { lt: sampleCutoff } }, select: { id: true, frameFile: true }, take: BATCH });
    if (old.length === 0) break;
    await db.screeningSample.deleteMany({ where: { id: { in: old.map((s) => s.id) } } });
    const files = old.flatMap((s) => (s.frameFile ? [s.frameFile] : []));
    const kept = new Set((await db.screeningFlag.findMany({ where: { frameFile: { in: files } }, select: { frameFile: true } })).map((f) => f.frameFile));
    await deleteFrames(files.filter((f) => !kept.has(f)));
    samples += old.length;
  }
  return { samples, flags };
}

/** Retention, on the leading instance, every ten minutes. */
export const screeningRetentionLoop: Loop = {
  name: "screening-retention",
  everyMs: () => 10 * 60_000,
  async run() {
    const deleted = await deleteExpiredScreening();
    if (deleted.samples || deleted.flags) console.info("[screening] retention deleted", deleted);
  },
};
