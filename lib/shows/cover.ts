import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import sharp from "sharp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Covers are re-encoded, never stored as uploaded: a fixed size and format, metadata stripped.
const WIDTH = 640;
const HEIGHT = 360;
/** ~16 megapixels (4096×4096): decoding takes width × height × 4 bytes of memory, whatever the file size. */
export const MAX_COVER_PIXELS = 4096 * 4096;
// Decoding is the expensive part (CPU and up to ~64 MiB each): a burst of uploads queues here.
const decoding = pLimit(2);
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "avif"]);
const FILE_NAME = /^[0-9a-f-]{36}\.webp$/;

function notAnImage(): AppError {
  const message = "Cover must be an image (JPEG, PNG, WebP, GIF or AVIF).";
  return new AppError("VALIDATION", message, { cover: [message] });
}

function coversDir(): string {
  return path.join(env().SUIXIN_DATA_DIR, "covers");
}

function tooManyPixels(): AppError {
  const message = "Cover must be at most 16 megapixels (e.g. 4096×4096).";
  return new AppError("VALIDATION", message, { cover: [message] });
}

/**
 * Checks the bytes really are an accepted image of at most ~16 MP (read from the header, before
 * any pixel is decoded) and turns them into a 640×360 WebP, a couple of decodes at a time.
 */
export async function renderCover(file: File): Promise<Buffer> {
  const input = Buffer.from(await file.arrayBuffer());
  // Only the header is read here (libvips is lazy), so no pixel limit is needed for it yet.
  const meta = await sharp(input, { limitInputPixels: false, animated: false }).metadata().catch(() => null);
  if (!meta?.format || !ACCEPTED.has(meta.format)) throw notAnImage();
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_COVER_PIXELS) throw tooManyPixels();
  return decoding(async () => {
    try {
      const image = sharp(input, { limitInputPixels: MAX_COVER_PIXELS, animated: false });
      return await image.rotate().resize(WIDTH, HEIGHT, { fit: "cover" }).webp({ quality: 80 }).toBuffer();
    } catch {
      throw notAnImage();
    }
  });
}

/** Stores a rendered cover under a random name; returns the name. */
export async function saveCover(rendered: Buffer): Promise<string> {
  const name = `${randomUUID()}.webp`;
  await fs.mkdir(coversDir(), { recursive: true });
  await fs.writeFile(path.join(coversDir(), name), rendered);
  return name;
}

export async function deleteCover(name: string): Promise<void> {
  if (FILE_NAME.test(name)) await fs.rm(path.join(coversDir(), name), { force: true });
}

/** The bytes of a stored cover, or null for a name that is not one of ours. */
export async function readCover(name: string): Promise<Buffer | null> {
  if (!FILE_NAME.test(name)) return null;
  return fs.readFile(path.join(coversDir(), name)).catch(() => null);
}

export function coverUrl(name: string | null): string {
  return name ? `/api/covers/${name}` : "/default-cover.svg";
}
