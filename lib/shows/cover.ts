import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Covers are re-encoded, never stored as uploaded: a fixed size and format, metadata stripped.
const WIDTH = 640;
const HEIGHT = 360;
const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "avif"]);
const FILE_NAME = /^[0-9a-f-]{36}\.webp$/;

function notAnImage(): AppError {
  const message = "Cover must be an image (JPEG, PNG, WebP, GIF or AVIF).";
  return new AppError("VALIDATION", message, { cover: [message] });
}

function coversDir(): string {
  return path.join(env().SUIXIN_DATA_DIR, "covers");
}

/** Checks the bytes really are an accepted image and turns them into a 640×360 WebP. */
export async function renderCover(file: File): Promise<Buffer> {
  const input = Buffer.from(await file.arrayBuffer());
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false });
  const meta = await image.metadata().catch(() => null);
  if (!meta?.format || !ACCEPTED.has(meta.format)) throw notAnImage();
  try {
    return await image.rotate().resize(WIDTH, HEIGHT, { fit: "cover" }).webp({ quality: 80 }).toBuffer();
  } catch {
    throw notAnImage();
  }
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
