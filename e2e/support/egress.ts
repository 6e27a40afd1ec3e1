import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Page, expect } from "@playwright/test";
import { query } from "./db";

export type ProbeStream = { codec_type: string; codec_name: string; duration?: string };
export type Probe = { streams: ProbeStream[]; format: { duration?: string } };

/** ffprobe's JSON view of a media file or URL. */
export function ffprobe(target: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    execFile(
      "ffprobe",
      ["-v", "error", "-show_entries", "stream=codec_type,codec_name,duration:format=duration", "-of", "json", target],
      { timeout: 30_000 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as Probe)),
    );
  });
}

export function rtmpReceiver(port: number, file: string): { url: string; process: ChildProcess; exited: Promise<number | null> } {
  const url = `rtmp://127.0.0.1:${port}/live/test-key`;
  const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-listen", "1", "-i", url, "-c", "copy", "-f", "flv", file], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { url, process: child, exited };
}

export type EgressRow = { id: string; kind: string; status: string; outputs: unknown; error: string | null };

export async function egressRows(roomNumber: number, kind: string): Promise<EgressRow[]> {
  return query<EgressRow>(
    `SELECT e.id, e.kind::text AS kind, e.status::text AS status, e.outputs, e.error FROM "Egress" e
       JOIN "Show" s ON s.id = e."showId" WHERE s."roomNumber" = $1 AND e.kind::text = $2 ORDER BY e."startedAt" DESC`,
    [roomNumber, kind],
  );
}

/** Waits until the newest egress of that kind in the show has the status (as webhooks report it). */
export async function expectEgressStatus(roomNumber: number, kind: string, status: string | RegExp, timeout = 45_000): Promise<EgressRow> {
  let last: EgressRow | undefined;
  await expect
    .poll(
      async () => {
        [last] = await egressRows(roomNumber, kind);
        return last?.status ?? "NONE";
      },
      { timeout, intervals: [200] },
    )
    .toMatch(status);
  if (!last) throw new Error("no egress row");
  return last;
}

/** The studio's row for one output shows this status. */
export async function expectControlStatus(page: Page, kind: string, status: string, timeout = 45_000) {
  await expect(page.getByTestId(`broadcast-${kind}`)).toHaveAttribute("data-status", status, { timeout });
}

export { egressOutputsSchema as egressOutputsSchemaForTests } from "../../lib/egress/schema";

/** The newest complete segment of an HLS run on disk (the last one its live playlist lists), or null. */
export function newestSegment(runDir: string): string | null {
  let playlist: string;
  try {
    playlist = fs.readFileSync(path.join(runDir, "live.m3u8"), "utf8");
  } catch {
    return null;
  }
  const name = playlist.split("\n").filter((line) => line.startsWith("seg_")).at(-1);
  return name ? path.join(runDir, name.split("?")[0] ?? name) : null;
}

export type Region = { x: number; y: number; width: number; height: number };

/**
 * The share of pixels of one region of a video file's first frame that have this colour (within
 * `tolerance` per channel), decoded by ffmpeg: what a viewer of the output sees there.
 */
export function colourShare(file: string, region: Region, rgb: [number, number, number], tolerance = 60): Promise<number> {
  const crop = `crop=iw*${region.width}:ih*${region.height}:iw*${region.x}:ih*${region.y},scale=128:64`;
  return new Promise((resolve, reject) => {
    execFile(
      "ffmpeg",
      ["-v", "error", "-i", file, "-vf", crop, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
      { encoding: "buffer", timeout: 30_000, maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error) return reject(error);
        let hits = 0;
        for (let i = 0; i + 2 < stdout.length; i += 3) {
          if (Math.abs((stdout[i] ?? 0) - rgb[0]) <= tolerance && Math.abs((stdout[i + 1] ?? 0) - rgb[1]) <= tolerance && Math.abs((stdout[i + 2] ?? 0) - rgb[2]) <= tolerance) hits++;
        }
        resolve(hits / (stdout.length / 3));
      },
    );
  });
}
