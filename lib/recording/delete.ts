import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { recordingsDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";
import { AppError } from "@/lib/errors";
import { PART_NAME, recordingsOfShow } from "@/lib/recording/replay";
import type { DeleteRecordingInput } from "@/lib/recording/schema";
import { requireShow } from "@/lib/shows/get-show";

export type DeletedRecording = { id: string; roomNumber: number; title: string; names: string[]; sizeBytes: number };

/**
 * Takes a finished recording's parts off its row, in the caller's transaction (the row stays as
 * history, with no files): the files go with `removeRecordingFiles` once that commits. A
 * recording still being written (or trimmed) is refused: Egress and the finish job own its files.
 */
export async function deleteRecordingIn(tx: Tx, recordingId: string, showId?: string): Promise<DeletedRecording> {
  await tx.$queryRaw`SELECT id FROM "Egress" WHERE id = ${recordingId} FOR UPDATE`;
  const row = await tx.egress.findFirst({
    where: { id: recordingId, kind: "MP4", ...(showId ? { showId } : {}) },
    select: { id: true, status: true, outputs: true, show: { select: { roomNumber: true, title: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such recording.");
  if (row.status !== "COMPLETE") {
    throw new AppError("CONFLICT", row.status === "FAILED" || row.status === "ABORTED" ? "This recording failed: it has no files to delete." : "This recording is still being written. Stop it first.");
  }
  const files = (parseOutputs(row.outputs).files ?? []).filter((file) => PART_NAME.test(file.name));
  await tx.egress.update({ where: { id: row.id }, data: { outputs: { files: [] } } });
  return { id: row.id, roomNumber: row.show.roomNumber, title: row.show.title, names: files.map((f) => f.name), sizeBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0) };
}

/** The files of a deleted recording (each part and its sidecar); files already gone are fine. */
export async function removeRecordingFiles(deleted: Pick<DeletedRecording, "roomNumber" | "names">): Promise<void> {
  const dir = recordingsDir(deleted.roomNumber);
  for (const name of deleted.names) {
    await fs.rm(path.join(dir, name), { force: true });
    await fs.rm(path.join(dir, name.replace(/\.(mp4|m4a)$/, ".json")), { force: true });
  }
}

/** Deletes one finished recording of a show (all its parts), by its host. Deleting one that is gone already changes nothing. */
export async function deleteRecording(user: SessionUser, input: DeleteRecordingInput) {
  const show = await requireShow(input.roomNumber);
  if (!can(showRoleOf(user, show), "show.broadcast")) throw new AppError("FORBIDDEN", "Only the host can delete a recording of this show.");
  const deleted = await db.$transaction((tx) => deleteRecordingIn(tx, input.recordingId, show.id));
  await removeRecordingFiles(deleted);
  return recordingsOfShow(show.id);
}
