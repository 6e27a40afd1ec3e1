import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { recordingsDir } from "@/lib/egress/paths";
import { recordEgress } from "@/lib/egress/record-egress";
import { recordingFileName } from "@/lib/egress/recording-name";
import type { EgressOutputs } from "@/lib/egress/schema";
import { trimToVideo } from "@/lib/egress/trim-recording";
import type { EgressJob } from "@/lib/livekit/egress";
import { roomNumberFromName } from "@/lib/shows/room-name";

type File = EgressJob["files"][number];

type Part = { name: string; durationSeconds: number; sizeBytes: number };

/**
 * A finished part: trimmed to its video, renamed <title>_<start>_<end>.mp4. Only files inside the
 * show's recordings folder are touched; a part already handled (a repeated delivery) is reported as is.
 */
async function finishRecording(show: { roomNumber: number; title: string }, file: File): Promise<Part> {
  const dir = recordingsDir(show.roomNumber);
  const current = path.resolve(file.path);
  const asIs = { name: path.basename(current), durationSeconds: file.durationSeconds, sizeBytes: file.sizeBytes };
  if (path.dirname(current) !== dir || !file.startedAt || !file.endedAt) return asIs;
  const target = path.join(dir, recordingFileName(show.title, file.startedAt, file.endedAt));
  if (!(await fs.stat(current).catch(() => null))) {
    return (await fs.stat(target).catch(() => null)) ? { ...asIs, name: path.basename(target) } : asIs;
  }
  const seconds = await trimToVideo(current);
  await fs.rename(current, target);
  // Egress's side file describes the part; keep it next to the renamed MP4.
  await fs.rename(`${current.replace(/\.mp4$/, "")}.json`, `${target.replace(/\.mp4$/, "")}.json`).catch(() => undefined);
  const size = (await fs.stat(target)).size;
  return { name: path.basename(target), durationSeconds: seconds ?? file.durationSeconds, sizeBytes: size };
}

// egress_updated (COMPLETE) and egress_ended can arrive together: one finish per file.
const finishing = new Map<string, Promise<Part>>();

function finishOnce(show: { roomNumber: number; title: string }, file: File): Promise<Part> {
  const key = path.resolve(file.path);
  const pending = finishing.get(key) ?? finishRecording(show, file).finally(() => finishing.delete(key));
  finishing.set(key, pending);
  return pending;
}

/** egress_started / egress_updated / egress_ended: copies LiveKit's view of a job into the DB. */
export async function applyEgressEvent(job: EgressJob): Promise<void> {
  const roomNumber = roomNumberFromName(job.roomName);
  if (roomNumber === null) return;
  const show = await db.show.findUnique({ where: { roomNumber }, select: { id: true, roomNumber: true, title: true } });
  if (!show) return;
  const known = await db.egress.findUnique({ where: { id: job.egressId }, select: { kind: true } });
  const kind = known?.kind ?? job.kind;
  if (!kind) return; // not one of ours (e.g. started by hand): nothing to show for it

  const outputs: EgressOutputs = {};
  if (kind === "MP4" && job.files.length > 0) {
    outputs.files = await Promise.all(
      job.files.map((file) =>
        job.status === "COMPLETE"
          ? finishOnce(show, file)
          : { name: path.basename(file.path), durationSeconds: file.durationSeconds, sizeBytes: file.sizeBytes },
      ),
    );
  }
  await recordEgress(show.id, kind, job, outputs);
}
