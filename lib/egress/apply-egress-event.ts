import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type Tx, db } from "@/lib/db";
import { recordingsDir } from "@/lib/egress/paths";
import { isFinal, recordEgress } from "@/lib/egress/record-egress";
import { recordingFileName } from "@/lib/egress/recording-name";
import type { EgressOutputs } from "@/lib/egress/schema";
import { trimToVideo } from "@/lib/egress/trim-recording";
import { defineJob } from "@/lib/jobs/define";
import type { EgressJob } from "@/lib/livekit/egress";
import { applyStreamResults } from "@/lib/push/destinations";
import { roomNumberFromName } from "@/lib/shows/room-name";

const fileSchema = z.object({
  path: z.string(),
  durationSeconds: z.number(),
  sizeBytes: z.number(),
  startedAt: z.coerce.date().optional(),
  endedAt: z.coerce.date().optional(),
});
type File = z.output<typeof fileSchema>;

type Part = { name: string; durationSeconds: number; sizeBytes: number };

function asIs(file: File): Part {
  return { name: path.basename(file.path), durationSeconds: file.durationSeconds, sizeBytes: file.sizeBytes };
}

/**
 * A finished part: trimmed to its video, renamed <title>_<start>_<end>.mp4. Only files inside the
 * show's recordings folder are touched; a part already handled (a repeated run) is reported as is.
 */
async function finishRecording(show: { roomNumber: number; title: string }, file: File): Promise<Part> {
  const dir = recordingsDir(show.roomNumber);
  const current = path.resolve(file.path);
  if (path.dirname(current) !== dir || !file.startedAt || !file.endedAt) return asIs(file);
  const target = path.join(dir, recordingFileName(show.title, file.startedAt, file.endedAt));
  if (!(await fs.stat(current).catch(() => null))) {
    const done = await fs.stat(target).catch(() => null);
    return done ? { name: path.basename(target), durationSeconds: file.durationSeconds, sizeBytes: done.size } : asIs(file);
  }
  const seconds = await trimToVideo(current);
  await fs.rename(current, target);
  // Egress's side file describes the part; keep it next to the renamed MP4.
  await fs.rename(`${current.replace(/\.mp4$/, "")}.json`, `${target.replace(/\.mp4$/, "")}.json`).catch(() => undefined);
  const size = (await fs.stat(target)).size;
  return { name: path.basename(target), durationSeconds: seconds ?? file.durationSeconds, sizeBytes: size };
}

/**
 * The slow end of an MP4 recording (ffprobe + ffmpeg, minutes for a long part), off the webhook:
 * the row stays ENDING until its parts are trimmed and renamed, then becomes COMPLETE.
 * Idempotent: a part already renamed is reported as it is.
 */
export const finishRecordingJob = defineJob(
  "egress.finish-recording",
  z.object({ egressId: z.string(), files: z.array(fileSchema), endedAt: z.coerce.date().optional() }),
  async ({ egressId, files, endedAt }) => {
    const row = await db.egress.findUnique({ where: { id: egressId }, select: { status: true, show: { select: { roomNumber: true, title: true } } } });
    if (!row || row.status !== "ENDING") return; // done already, or failed meanwhile
    const parts: Part[] = [];
    for (const file of files) parts.push(await finishRecording(row.show, file));
    await db.egress.updateMany({
      where: { id: egressId, status: "ENDING" },
      data: { status: "COMPLETE", endedAt: endedAt ?? new Date(), outputs: { files: parts } },
    });
  },
);

/**
 * egress_started / egress_updated / egress_ended (or the reconcile loop): copies LiveKit's view of
 * a job into the DB, in the caller's transaction. A completed MP4 stays ENDING while a job
 * finishes its files (enqueued in the same transaction, one at a time per egress).
 */
export async function applyEgressEvent(tx: Tx, job: EgressJob): Promise<void> {
  const roomNumber = roomNumberFromName(job.roomName);
  if (roomNumber === null) return;
  const show = await tx.show.findUnique({ where: { roomNumber }, select: { id: true } });
  if (!show) return;
  const known = await tx.egress.findUnique({ where: { id: job.egressId }, select: { kind: true, status: true } });
  if (known && isFinal(known.status)) return; // settled (a late or repeated event changes nothing)
  const kind = known?.kind ?? job.kind;
  if (!kind) return; // not one of ours (e.g. started by hand): nothing to show for it

  const outputs: EgressOutputs = {};
  if (kind === "MP4" && job.files.length > 0) outputs.files = job.files.map(asIs);
  const finishing = kind === "MP4" && job.status === "COMPLETE" && job.files.length > 0;
  await recordEgress(tx, show.id, kind, finishing ? { ...job, status: "ENDING" } : job, outputs);
  if (kind === "RTMP") await applyStreamResults(tx, job);
  if (finishing) {
    await finishRecordingJob.enqueue(
      { egressId: job.egressId, files: job.files, endedAt: job.endedAt },
      { tx, jobKey: `finish-recording:${job.egressId}`, queue: `egress:${job.egressId}` },
    );
  }
}
