import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordingsDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";
import { AppError } from "@/lib/errors";
import { PART_NAME, recordingsOfShow } from "@/lib/recording/replay";
import { requireShow } from "@/lib/shows/get-show";

/**
 * Deletes one finished recording of a show (all its parts, files first), by its host. The row
 * stays as history, with no files. Deleting one that is gone already changes nothing.
 */
export async function deleteRecording(user: SessionUser, input: { roomNumber: number; recordingId: string }) {
  const show = await requireShow(input.roomNumber);
  if (!can(showRoleOf(user, show), "show.broadcast")) throw new AppError("FORBIDDEN", "Only the host can delete a recording of this show.");
  const row = await db.egress.findFirst({ where: { id: input.recordingId, showId: show.id, kind: "MP4" }, select: { id: true, status: true, outputs: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such recording in this show.");
  if (row.status !== "COMPLETE") throw new AppError("VALIDATION", "This recording is not finished yet.");
  const dir = recordingsDir(show.roomNumber);
  for (const file of parseOutputs(row.outputs).files ?? []) {
    if (!PART_NAME.test(file.name)) continue;
    await fs.rm(path.join(dir, file.name), { force: true });
    await fs.rm(path.join(dir, file.name.replace(/\.(mp4|m4a)$/, ".json")), { force: true });
  }
  await db.egress.update({ where: { id: row.id }, data: { outputs: { files: [] } } });
  return recordingsOfShow(show.id);
}
