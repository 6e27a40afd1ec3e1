import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { RUNNING_STATUSES } from "@/lib/egress/broadcasts";
import { HLS_FILE, HLS_RUN_ID, hlsRunDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";
import type { EgressStatus } from "@/lib/generated/prisma/enums";
import { verifyPlayback } from "@/lib/push/playback-token";

/** The playlist path of a show's running HLS output (unsigned), or null when none runs. */
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
export type HlsAnswer = { state: "file"; file: HlsFile } | { state: "forbidden" } | { state: "ended" } | { state: "missing" };

/** The run's Egress row: the run is served while it is STARTING or ACTIVE, and never after. */
async function runOf(roomNumber: number, runId: string): Promise<{ status: EgressStatus; showId: string } | null> {
  return db.egress.findFirst({
    where: { kind: "HLS", show: { roomNumber }, outputs: { path: ["hls", "runId"], equals: runId } },
    select: { status: true, showId: true },
  });
}

/** Segment lines of a playlist carry the viewer's token, so players that do not add it themselves (Safari) keep working. */
function signPlaylist(text: string, token: string): string {
  const query = `?t=${encodeURIComponent(token)}`;
  return text.replace(/^(seg_\d{5,9}\.ts)$/gm, `$1${query}`);
}

/**
 * A playlist or segment of a running HLS run, for a viewer with a valid signed link of that show
 * (lib/push/playback-token): a tampered, expired or other-show token is "forbidden". Anything
 * that is not exactly one of ours is "missing"; the files of a run that stopped (show ended, host
 * stopped it) are "ended", even while they are still on disk waiting for the retention sweep.
 */
export async function readHlsFile(roomNumber: number, runId: string, name: string, token: string | null): Promise<HlsAnswer> {
  if (!HLS_RUN_ID.test(runId) || !HLS_FILE.test(name)) return { state: "missing" };
  const run = await runOf(roomNumber, runId);
  if (run === null) return { state: "missing" };
  if (!verifyPlayback(token, run.showId).ok || token === null) return { state: "forbidden" };
  if (!(RUNNING_STATUSES as readonly EgressStatus[]).includes(run.status)) return { state: "ended" };
  const bytes = await fs.readFile(path.join(hlsRunDir(roomNumber, runId), name)).catch(() => null);
  if (!bytes) return { state: "missing" };
  const playlist = name.endsWith(".m3u8");
  if (!playlist) return { state: "file", file: { bytes, playlist, contentType: "video/mp2t" } };
  const signed = Buffer.from(signPlaylist(bytes.toString("utf8"), token));
  return { state: "file", file: { bytes: signed, playlist, contentType: "application/vnd.apple.mpegurl" } };
}
