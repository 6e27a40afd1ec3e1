import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

// Egress writes straight into the project's data directory; the app serves from the same place.
export const HLS_PLAYLIST = "index.m3u8";
export const HLS_LIVE_PLAYLIST = "live.m3u8";
export const HLS_SEGMENT_PREFIX = "seg";
/** One HLS run per start: its own folder, so a restarted stream never mixes old segments in. */
export const HLS_RUN_ID = /^[0-9a-f]{16}$/;
/** The files of a run that may be served: the two playlists and `seg_00001.ts`… */
export const HLS_FILE = /^(?:index|live)\.m3u8$|^seg_\d{5,9}\.ts$/;

export function egressRoot(): string {
  return path.join(env().SUIXIN_DATA_DIR, "egress");
}

export function hlsRunDir(roomNumber: number, runId: string): string {
  return path.join(egressRoot(), "hls", String(roomNumber), runId);
}

export function recordingsDir(roomNumber: number): string {
  return path.join(egressRoot(), "recordings", String(roomNumber));
}
