import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { recordingsDir } from "@/lib/egress/paths";
import { recordEgress } from "@/lib/egress/record-egress";
import { recordingFileName } from "@/lib/egress/recording-name";
import type { EgressOutputs } from "@/lib/egress/schema";
import type { EgressJob } from "@/lib/livekit/egress";
import { roomNumberFromName } from "@/lib/shows/room-name";

type File = EgressJob["files"][number];

/** Renames a finished part to <title>_<start>_<end>.mp4 (only inside the show's recordings folder). */
async function nameRecording(show: { roomNumber: number; title: string }, file: File): Promise<string> {
  const dir = recordingsDir(show.roomNumber);
  const current = path.resolve(file.path);
  if (path.dirname(current) !== dir || !file.startedAt || !file.endedAt) return path.basename(current);
  const target = path.join(dir, recordingFileName(show.title, file.startedAt, file.endedAt));
  if (target === current) return path.basename(current);
  try {
    await fs.rename(current, target);
    // Egress's side file describes the part; keep it next to the renamed MP4.
    await fs.rename(`${current.replace(/\.mp4$/, "")}.json`, `${target.replace(/\.mp4$/, "")}.json`).catch(() => undefined);
    return path.basename(target);
  } catch {
    // already renamed by an earlier delivery, or gone: report what is there
    return (await fs.stat(target).catch(() => null)) ? path.basename(target) : path.basename(current);
  }
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
    const done = job.status === "COMPLETE";
    outputs.files = await Promise.all(
      job.files.map(async (file) => ({
        name: done ? await nameRecording(show, file) : path.basename(file.path),
        durationSeconds: file.durationSeconds,
        sizeBytes: file.sizeBytes,
      })),
    );
  }
  await recordEgress(show.id, kind, job, outputs);
}
