import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Where the video ends on the file's timeline: its start plus its duration. Under load the first
 * video frame can come seconds after the audio began (seen: 4.6 s), so the duration alone would
 * cut the video short.
 */
async function videoEnd(file: string): Promise<number | null> {
  const { stdout } = await run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=start_time,duration", "-of", "csv=p=0", file], {
    timeout: 30_000,
  });
  const [start, duration] = stdout.trim().split(",").map(Number);
  if (!Number.isFinite(duration) || !duration || duration <= 0) return null;
  return (Number.isFinite(start) && start && start > 0 ? start : 0) + duration;
}

/**
 * Egress v1.8.6's participant recordings end with ~4 s of padded silence after the video stops
 * (it pads audio while finishing; see scripts/setup/EGRESS.md §7). Cut the file to its video's
 * length with a stream copy (no re-encoding) so its duration is what the host recorded.
 * Returns the duration in seconds, or null when the file was left as it was.
 */
export async function trimToVideo(file: string): Promise<number | null> {
  try {
    const seconds = await videoEnd(file);
    if (seconds === null) return null;
    const part = `${file}.trim.mp4`;
    await run(
      "ffmpeg",
      ["-v", "error", "-y", "-i", file, "-map", "0", "-c", "copy", "-t", seconds.toFixed(3), "-movflags", "+faststart", part],
      { timeout: 10 * 60_000 },
    );
    await fs.rename(part, file);
    return seconds;
  } catch (error) {
    console.warn("[egress] recording kept untrimmed:", error instanceof Error ? error.message : error);
    return null;
  }
}
