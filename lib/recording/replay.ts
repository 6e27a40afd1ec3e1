import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { recordingsDir } from "@/lib/egress/paths";
import { parseOutputs } from "@/lib/egress/record-egress";

/** A part as a replay plays it: where it sits on the show's one timeline. */
export type ReplayPart = { name: string; url: string; durationSeconds: number; offsetSeconds: number; startedAt: string | null; audioOnly: boolean };
export type Replay = { showId: string; roomNumber: number; title: string; hostName: string; startedAt: string; parts: ReplayPart[]; totalSeconds: number };

export const PART_NAME = /^[a-z0-9-]{1,40}_\d{8}-\d{6}_\d{8}-\d{6}\.(?:mp4|m4a)$/;

/** Every finished part of a show's recordings, oldest first. */
export async function recordingPartsOf(showId: string) {
  const rows = await db.egress.findMany({
    where: { showId, kind: "MP4", status: "COMPLETE" },
    orderBy: { startedAt: "asc" },
    select: { id: true, outputs: true, startedAt: true },
  });
  return rows.flatMap((row) =>
    (parseOutputs(row.outputs).files ?? []).map((file) => ({ egressId: row.id, ...file, startedAt: file.startedAt ?? null, audioOnly: file.audioOnly ?? false })),
  );
}

/** The host's last ended shows with how many recordings each has (the studio's "past shows"). */
export async function pastShowsOf(hostId: string, take = 10) {
  const shows = await db.show.findMany({
    where: { hostId, status: "ENDED" },
    orderBy: { startedAt: "desc" },
    take,
    select: { id: true, roomNumber: true, title: true, startedAt: true, egresses: { where: { kind: "MP4", status: "COMPLETE" }, select: { outputs: true } } },
  });
  return shows.map(({ egresses, ...show }) => ({
    ...show,
    recordings: egresses.filter((e) => (parseOutputs(e.outputs).files ?? []).length > 0).length,
  }));
}

/** A show's finished recordings (one per start/stop), each with its parts, for the host's pages. */
export async function recordingsOfShow(showId: string) {
  const parts = await recordingPartsOf(showId);
  const byRecording = new Map<string, typeof parts>();
  for (const part of parts) byRecording.set(part.egressId, [...(byRecording.get(part.egressId) ?? []), part]);
  return [...byRecording.entries()].map(([id, list]) => ({
    id,
    audioOnly: list.every((p) => p.audioOnly),
    durationSeconds: list.reduce((sum, p) => sum + p.durationSeconds, 0),
    parts: list.map(({ name, durationSeconds, sizeBytes }) => ({ name, durationSeconds, sizeBytes })),
  }));
}

export type ShowRecording = Awaited<ReturnType<typeof recordingsOfShow>>[number];

/**
 * The replay of an ended show: its video parts (or, with none, its audio-only ones) on one
 * timeline, in order. Null when the show does not exist, is still live, or has no recording.
 * The timeline's absolute times (part start + offset) are what a chat or gift replay will sync on.
 */
export async function replayOf(showId: string): Promise<Replay | null> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { id: true, roomNumber: true, title: true, status: true, startedAt: true, host: { select: { name: true } } },
  });
  if (!show || show.status !== "ENDED") return null;
  const all = await recordingPartsOf(show.id);
  const video = all.filter((p) => !p.audioOnly);
  const chosen = video.length > 0 ? video : all;
  if (chosen.length === 0) return null;
  let offset = 0;
  const parts = chosen.map((p) => {
    const part = {
      name: p.name,
      url: `/api/recordings/${show.roomNumber}/${encodeURIComponent(p.name)}`,
      durationSeconds: p.durationSeconds,
      offsetSeconds: offset,
      startedAt: p.startedAt,
      audioOnly: p.audioOnly,
    };
    offset += p.durationSeconds;
    return part;
  });
  return { showId: show.id, roomNumber: show.roomNumber, title: show.title, hostName: show.host.name, startedAt: show.startedAt.toISOString(), parts, totalSeconds: offset };
}

/** A byte range request (`bytes=a-b`, `bytes=a-`, `bytes=-n`) against a file of `size` bytes. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | "invalid" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? "invalid" : { start, end };
}

/**
 * One part of a finished recording, for the replay player (seeking needs byte ranges). Only a
 * name listed as a finished part of that room's show is served, from that room's folder.
 */
export async function readRecordingPart(roomNumber: number, name: string, range: string | null): Promise<Response | null> {
  if (!PART_NAME.test(name)) return null;
  const show = await db.show.findUnique({ where: { roomNumber }, select: { id: true, status: true } });
  if (!show) return null;
  if (!(await recordingPartsOf(show.id)).some((p) => p.name === name)) return null;
  const file = path.join(recordingsDir(roomNumber), name);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) return null;
  const type = name.endsWith(".m4a") ? "audio/mp4" : "video/mp4";
  const headers = { "content-type": type, "accept-ranges": "bytes", "cache-control": "private, max-age=3600" };
  const wanted = parseRange(range, stat.size);
  if (wanted === "invalid") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${stat.size}` } });
  const { start, end } = wanted ?? { start: 0, end: stat.size - 1 };
  const body = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: wanted ? 206 : 200,
    headers: { ...headers, "content-length": String(end - start + 1), ...(wanted ? { "content-range": `bytes ${start}-${end}/${stat.size}` } : {}) },
  });
}
