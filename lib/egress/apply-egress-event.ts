import "server-only";
import path from "node:path";
import { z } from "zod";
import { type Tx, db } from "@/lib/db";
import { isFinal, recordEgress } from "@/lib/egress/record-egress";
import type { EgressOutputs } from "@/lib/egress/schema";
import { defineJob } from "@/lib/jobs/define";
import type { EgressJob } from "@/lib/livekit/egress";
import { applyStreamResults } from "@/lib/push/destinations";
import { type FinishedFile, finishRecordedFile, finishedFileSchema } from "@/lib/recording/finish";
import { getSetting } from "@/lib/settings";
import { roomNumberFromName } from "@/lib/shows/room-name";

/** A file as Egress reported it (before, or instead of, its parts). */
function asIs(file: FinishedFile) {
  return { name: path.basename(file.path), durationSeconds: file.durationSeconds, sizeBytes: file.sizeBytes };
}

/**
 * The slow end of an MP4 recording (ffprobe + ffmpeg, minutes for a long part), off the webhook:
 * the row stays ENDING until its file is trimmed and cut into parts of `recordingPartSeconds`
 * (lib/recording), then becomes COMPLETE with the parts as its files. Idempotent.
 */
export const finishRecordingJob = defineJob(
  "egress.finish-recording",
  z.object({ egressId: z.string(), files: z.array(finishedFileSchema), endedAt: z.coerce.date().optional() }),
  async ({ egressId, files, endedAt }) => {
    const row = await db.egress.findUnique({ where: { id: egressId }, select: { status: true, show: { select: { roomNumber: true, title: true } } } });
    if (!row || row.status !== "ENDING") return; // done already, or failed meanwhile
    const partSeconds = await getSetting("recordingPartSeconds");
    const parts: EgressOutputs["files"] = [];
    for (const file of files) parts.push(...((await finishRecordedFile(row.show, file, partSeconds)) ?? [asIs(file)]));
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
