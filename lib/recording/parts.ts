import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { recordingFileName } from "@/lib/recording/names";

const run = promisify(execFile);

export type Part = { name: string; durationSeconds: number; sizeBytes: number; startedAt: string; endedAt: string; audioOnly: boolean };

type Probe = { format: { duration?: string }; streams: { codec_type: string }[] };

export async function probe(file: string): Promise<{ seconds: number; hasVideo: boolean }> {
  const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", file], { timeout: 30_000 });
  const parsed = JSON.parse(stdout) as Probe;
  return { seconds: Number(parsed.format.duration ?? 0), hasVideo: parsed.streams.some((s) => s.codec_type === "video") };
}

/**
 * Cuts a finished recording into parts of about `partSeconds` (operator setting
 * `recordingPartSeconds`), with a stream copy: every packet goes to exactly one part, so the parts
 * have no gap and no overlap and their durations add up to the recording's. A video part starts
 * on a key frame, so a cut lands on the first key frame at or after each multiple of the length.
 * Each part is named `<title>_<start>_<end>.mp4` (`.m4a` for an audio-only recording) from the
 * recording's start and the parts' own durations. The source file is removed at the end.
 */
export async function cutIntoParts(
  source: string,
  options: { title: string; startedAt: Date; partSeconds: number; /** where the list of parts is written before the source is removed */ keep: string },
): Promise<Part[]> {
  const dir = path.dirname(source);
  const { hasVideo } = await probe(source);
  const work = `${source}.parts`;
  await fs.rm(work, { recursive: true, force: true });
  await fs.mkdir(work);
  const extension = hasVideo ? "mp4" : "m4a";
  await run(
    "ffmpeg",
    [
      "-v", "error", "-y", "-i", source, "-map", "0", "-c", "copy",
      "-f", "segment", "-segment_time", String(options.partSeconds), "-reset_timestamps", "1",
      "-segment_format", "mp4", "-segment_format_options", "movflags=+faststart",
      path.join(work, `part_%05d.${extension}`),
    ],
    { timeout: 30 * 60_000 },
  );
  const files = (await fs.readdir(work)).filter((f) => f.startsWith("part_")).sort();
  const parts: Part[] = [];
  let offsetMs = 0;
  for (const file of files) {
    const full = path.join(work, file);
    const { seconds } = await probe(full);
    const start = new Date(options.startedAt.getTime() + offsetMs);
    offsetMs += Math.round(seconds * 1000);
    const end = new Date(options.startedAt.getTime() + offsetMs);
    const name = recordingFileName(options.title, start, end, extension);
    await fs.rename(full, path.join(dir, name));
    const size = (await fs.stat(path.join(dir, name))).size;
    parts.push({ name, durationSeconds: seconds, sizeBytes: size, startedAt: start.toISOString(), endedAt: end.toISOString(), audioOnly: !hasVideo });
  }
  await fs.rm(work, { recursive: true, force: true });
  await fs.writeFile(options.keep, JSON.stringify(parts));
  await fs.rm(source, { force: true });
  return parts;
}
