import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { RUNNING_STATUSES } from "@/lib/egress/broadcasts";
import { HLS_FILE, HLS_RUN_ID, hlsRunDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";
import type { EgressStatus } from "@/lib/generated/prisma/enums";

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

/** What a request for one file of an HLS run gets. */
export type HlsAnswer = { state: "file"; file: HlsFile } | { state: "ended" } | { state: "missing" };

/** The run's Egress row: the run is served while it is STARTING or ACTIVE, and never after. */
async function runStatus(roomNumber: number, runId: string): Promise<EgressStatus | null> {
  const egress = await db.egress.findFirst({
    where: { kind: "HLS", show: { roomNumber }, outputs: { path: ["hls", "runId"], equals: runId } },
    select: { status: true },
  });
  return egress?.status ?? null;
}

/**
 * A playlist or segment of a running HLS run. Anything that is not exactly one of ours is
 * "missing"; the files of a run that stopped (show ended, host stopped it) are "ended", even
 * while they are still on disk waiting for the retention sweep (lib/egress/hls-retention).
 */
export async function readHlsFile(roomNumber: number, runId: string, name: string): Promise<HlsAnswer> {
  if (!HLS_RUN_ID.test(runId) || !HLS_FILE.test(name)) return { state: "missing" };
  const status = await runStatus(roomNumber, runId);
  if (status === null) return { state: "missing" };
  if (!(RUNNING_STATUSES as readonly EgressStatus[]).includes(status)) return { state: "ended" };
  const bytes = await fs.readFile(path.join(hlsRunDir(roomNumber, runId), name)).catch(() => null);
  if (!bytes) return { state: "missing" };
  const playlist = name.endsWith(".m3u8");
  return { state: "file", file: { bytes, playlist, contentType: playlist ? "application/vnd.apple.mpegurl" : "video/mp2t" } };
}
