import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { deleteRecordingSchema } from "@/lib/admin/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseOutputs } from "@/lib/egress/record-egress";
import { paged } from "@/lib/paging";
import { deleteRecordingIn, removeRecordingFiles } from "@/lib/recording/delete";

export const RECORDINGS_PER_PAGE = 25;

/** Every MP4 recording (newest first, 25 a page) with its parts, and the storage all of them use. */
export async function listRecordings(page: number) {
  const where = { kind: "MP4" } as const;
  const [rows, total, [storage]] = await Promise.all([
    db.egress.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * RECORDINGS_PER_PAGE,
      take: RECORDINGS_PER_PAGE,
      select: { id: true, status: true, startedAt: true, endedAt: true, outputs: true, show: { select: { roomNumber: true, title: true, host: { select: { id: true, name: true } } } } },
    }),
    db.egress.count({ where }),
    // The recorded parts' sizes, as the finish job wrote them.
    db.$queryRaw<{ bytes: number }[]>`
      SELECT COALESCE(SUM((f->>'sizeBytes')::bigint), 0)::float8 AS bytes
      FROM "Egress" e, jsonb_array_elements(COALESCE(e.outputs->'files', '[]'::jsonb)) f
      WHERE e.kind = 'MP4'`,
  ]);
  const views = rows.map(({ outputs, ...row }) => ({ ...row, parts: parseOutputs(outputs).files ?? [] }));
  return { ...paged(views, total, page, RECORDINGS_PER_PAGE), storageBytes: storage?.bytes ?? 0 };
}

export type RecordingView = Awaited<ReturnType<typeof listRecordings>>["rows"][number];

/** An operator deletes a finished recording (its files; the row stays as history), audited with it. */
export async function deleteRecordingAsOperator(operator: SessionUser, input: z.output<typeof deleteRecordingSchema>): Promise<void> {
  const deleted = await db.$transaction(async (tx) => {
    const recording = await deleteRecordingIn(tx, input.recordingId);
    await recordAudit(tx, operator, {
      action: "recording.delete",
      target: { type: "recording", id: recording.id, label: `recording of room ${recording.roomNumber}: ${recording.title}` },
      reason: input.reason,
      details: { parts: recording.names, sizeBytes: recording.sizeBytes },
    });
    return recording;
  });
  await removeRecordingFiles(deleted);
}
