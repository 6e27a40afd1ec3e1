import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "@/lib/env";
import type { CapturedFrame } from "@/lib/livekit/frame-capture";
import type { RgbImage } from "@/lib/screening/classifier";

// Captured frames are private: they live under <dataDir>/screening/frames (never under public/,
// never in a static route) and only app/api/screening/frames serves them, to operators.

/** Frame files are named by their sample's id (a cuid) — nothing a request can steer elsewhere. */
const FRAME_FILE = /^[a-z0-9]{20,40}\.jpg$/;
const STORED_MAX_WIDTH = 480;

export function framesDir(): string {
  return path.join(env().SUIXIN_DATA_DIR, "screening", "frames");
}

function raw(frame: CapturedFrame) {
  return sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } });
}

/** The frame scaled (stretched, as the models were trained) to the classifier's input. */
export async function classifierInput(frame: CapturedFrame, size: { width: number; height: number }): Promise<RgbImage> {
  const data = await raw(frame).resize(size.width, size.height, { fit: "fill" }).removeAlpha().raw().toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ...size };
}

/** Stores the frame as a small JPEG for operators; returns its file name. */
export async function storeFrame(sampleId: string, frame: CapturedFrame): Promise<string> {
  const file = `${sampleId}.jpg`;
  await fs.mkdir(framesDir(), { recursive: true });
  await raw(frame)
    .resize({ width: Math.min(frame.width, STORED_MAX_WIDTH), withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toFile(path.join(framesDir(), file));
  return file;
}

export function isFrameFile(name: string): boolean {
  return FRAME_FILE.test(name);
}

export async function readFrame(name: string): Promise<Buffer | null> {
  if (!isFrameFile(name)) return null;
  try {
    return await fs.readFile(path.join(framesDir(), name));
  } catch {
    return null;
  }
}

export async function deleteFrames(names: readonly string[]): Promise<void> {
  await Promise.all(names.filter(isFrameFile).map((name) => fs.rm(path.join(framesDir(), name), { force: true })));
}
