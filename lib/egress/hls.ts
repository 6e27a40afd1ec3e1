import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { RUNNING_STATUSES } from "@/lib/egress/broadcasts";
import { HLS_FILE, HLS_RUN_ID, hlsRunDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";

/** The playlist URL of a show's running HLS output, or null when none runs. */
export async function currentHlsPlaylist(show: { id: string; roomNumber: number }): Promise<string | null> {
  const egress = await db.egress.findFirst({
    where: { showId: show.id, kind: "HLS", status: { in: [...RUNNING_STATUSES] } },
    orderBy: { startedAt: "desc" },
    select: { outputs: true },
  });
  const hls = egress ? parseOutputs(egress.outputs).hls : undefined;
  return hls ? `/api/hls/${show.roomNumber}/${hls.runId}/${hls.playlist}` : null;
}

export type HlsFile = { bytes: Buffer; contentType: string; playlist: boolean };

/** A playlist or segment of an HLS run; null for anything that is not exactly one of ours. */
export async function readHlsFile(roomNumber: number, runId: string, name: string): Promise<HlsFile | null> {
  if (!HLS_RUN_ID.test(runId) || !HLS_FILE.test(name)) return null;
  const bytes = await fs.readFile(path.join(hlsRunDir(roomNumber, runId), name)).catch(() => null);
  if (!bytes) return null;
  const playlist = name.endsWith(".m3u8");
  return { bytes, playlist, contentType: playlist ? "application/vnd.apple.mpegurl" : "video/mp2t" };
}
