import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { FrameClassifier, RgbImage } from "./classifier";
import { loadNsfwjsClassifier } from "./nsfwjs-classifier";
import { SCREENING_CLASSES, topClass } from "./rules";

const run = promisify(execFile);

/** Ordinary pictures made here: ffmpeg's test sources (two frames apart each) and a sharp-made gradient. */
async function pictures(dir: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const source of ["testsrc", "smptebars", "mandelbrot"]) {
    out[source] = [];
    for (const frame of [0, 30]) {
      const file = path.join(dir, `${source}-${frame}.png`);
      await run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", `${source}=size=640x360:rate=30`, "-vf", `select=eq(n\\,${frame})`, "-frames:v", "1", file]);
      out[source].push(file);
    }
  }
  const width = 320;
  const height = 240;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([(i % width) * 0.8, (i / width) | 0, 128], i * 3);
  const gradient = path.join(dir, "gradient.png");
  await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toFile(gradient);
  out.gradient = [gradient];
  return out;
}

async function input(file: string): Promise<RgbImage> {
  const data = await sharp(file).resize(224, 224, { fit: "fill" }).removeAlpha().raw().toBuffer();
  return { data: new Uint8Array(data), width: 224, height: 224 };
}

describe("nsfwjs classifier (real model, wasm backend)", () => {
  let classifier: FrameClassifier;
  let files: Record<string, string[]>;

  beforeAll(async () => {
    files = await pictures(fs.mkdtempSync(path.join(os.tmpdir(), "suixin-classifier-")));
    classifier = await loadNsfwjsClassifier();
  }, 180_000);

  it("scores every class, the scores sum to 1, and the top class is stable", async () => {
    for (const [name, frames] of Object.entries(files)) {
      const tops = [];
      for (const file of frames) {
        const scores = await classifier.classify(await input(file));
        expect(Object.keys(scores).sort()).toEqual([...SCREENING_CLASSES].sort());
        const sum = Object.values(scores).reduce((a, b) => a + b, 0);
        expect(sum, name).toBeCloseTo(1, 3);
        for (const value of Object.values(scores)) expect(value).toBeGreaterThanOrEqual(0);
        // The same picture twice: the same scores.
        expect(await classifier.classify(await input(file))).toEqual(scores);
        tops.push(topClass(scores));
      }
      // Two frames of one moving test source: the same top class.
      expect(new Set(tops).size, `${name}: ${tops.join(", ")}`).toBe(1);
      // None of these ordinary pictures looks like anything a rule should act on.
      expect(["Drawing", "Neutral"]).toContain(tops[0]);
    }
  }, 120_000);

  it("refuses a picture that is not its input size", async () => {
    await expect(classifier.classify({ data: new Uint8Array(10 * 10 * 3), width: 10, height: 10 })).rejects.toThrow(/224×224/);
  });
});
