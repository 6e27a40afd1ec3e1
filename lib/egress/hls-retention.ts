import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { HLS_RUN_ID, egressRoot, hlsRunDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";
import { isExpired } from "@/lib/egress/retention";
import { env } from "@/lib/env";
import type { Loop } from "@/lib/leader";
import { getSetting } from "@/lib/settings";

async function subfolders(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** Deletes the HLS runs of one room that ended before `cutoff`; removes the room's folder when empty. */
async function sweepRoom(roomNumber: number, cutoff: Date): Promise<number> {
  const runIds = (await subfolders(path.join(egressRoot(), "hls", String(roomNumber)))).filter((id) => HLS_RUN_ID.test(id));
  const rows = await db.egress.findMany({
    where: { kind: "HLS", show: { roomNumber } },
    select: { status: true, endedAt: true, updatedAt: true, outputs: true },
  });
  const byRun = new Map(rows.map((row) => [parseOutputs(row.outputs).hls?.runId, row]));
  let deleted = 0;
  for (const runId of runIds) {
    const dir = hlsRunDir(roomNumber, runId);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat) continue;
    if (!isExpired({ egress: byRun.get(runId) ?? null, folderModifiedAt: stat.mtime }, cutoff)) continue;
    await fs.rm(dir, { recursive: true, force: true });
    deleted += 1;
  }
  await fs.rmdir(path.join(egressRoot(), "hls", String(roomNumber))).catch(() => undefined); // only if empty
  return deleted;
}

/** One pass over <data>/egress/hls: what is on disk is what can be deleted, orphans included. */
export async function sweepHlsRuns(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - (await getSetting("hlsRetentionHours")) * 3600_000);
  let deleted = 0;
  for (const room of await subfolders(path.join(egressRoot(), "hls"))) {
    if (/^\d{1,9}$/.test(room)) deleted += await sweepRoom(Number(room), cutoff);
  }
  return deleted;
}

/** Ended HLS runs are deleted after `hlsRetentionHours`, on the leading instance. */
export const hlsRetentionLoop: Loop = {
  name: "hls-retention",
  everyMs: () => env().SUIXIN_CLEANUP_SECONDS * 1000,
  async run() {
    const deleted = await sweepHlsRuns();
    if (deleted > 0) console.info(`[hls-retention] deleted ${deleted} ended HLS run(s)`);
  },
};
