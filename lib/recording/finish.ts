import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { recordingsDir } from "@/lib/egress/paths";
import { trimToVideo } from "@/lib/egress/trim-recording";
import { type Part, cutIntoParts } from "@/lib/recording/parts";

export const finishedFileSchema = z.object({
  path: z.string(),
  durationSeconds: z.number(),
  sizeBytes: z.number(),
  startedAt: z.coerce.date().optional(),
  endedAt: z.coerce.date().optional(),
});
export type FinishedFile = z.output<typeof finishedFileSchema>;

const manifestSchema = z.array(
  z.object({ name: z.string(), durationSeconds: z.number(), sizeBytes: z.number(), startedAt: z.string(), endedAt: z.string(), audioOnly: z.boolean() }),
);

/**
 * The slow end of one recorded file (a background job, never a webhook): trimmed to its video
 * (Egress pads silence at the end), then cut into parts of `partSeconds`. Only files inside the
 * show's recordings folder are touched. Idempotent: the parts are listed in a manifest before the
 * source goes, so a repeated run reports them as they are.
 */
export async function finishRecordedFile(show: { roomNumber: number; title: string }, file: FinishedFile, partSeconds: number): Promise<Part[] | null> {
  const dir = recordingsDir(show.roomNumber);
  const source = path.resolve(file.path);
  if (path.dirname(source) !== dir || !file.startedAt) return null;
  const manifest = `${source}.parts.json`;
  if (!(await fs.stat(source).catch(() => null))) {
    const done = await fs.readFile(manifest, "utf8").catch(() => null);
    return done ? manifestSchema.parse(JSON.parse(done)) : null;
  }
  await trimToVideo(source);
  const parts = await cutIntoParts(source, { title: show.title, startedAt: file.startedAt, partSeconds, keep: manifest });
  await fs.rm(`${source.replace(/\.mp4$/, "")}.json`, { force: true }); // Egress's side file of the whole
  return parts;
}
