import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

async function videoSeconds(file: string): Promise<number | null> {
  const { stdout } = await run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration", "-of", "csv=p=0", file], {
    timeout: 30_000,
  });
  const seconds = Number(stdout.trim());
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/**
 * Egress v1.8.6's participant recordings end with ~4 s of padded silence after the video stops
 * (it pads audio while finishing; see scripts/setup/EGRESS.md §7). Cut the file to its video's
 * length with a stream copy (no re-encoding) so its duration is what the host recorded.
 * Returns the duration in seconds, or null when the file was left as it was.
 */
export async function trimToVideo(file: string): Promise<number | null> {
  try {
    const seconds = await videoSeconds(file);
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
