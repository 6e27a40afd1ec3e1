import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_COVER_PIXELS, renderCover } from "./cover";

function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
}

const asFile = (bytes: Buffer) => new File([new Uint8Array(bytes)], "cover.png", { type: "image/png" });

describe("renderCover", () => {
  it("turns an image of up to ~16 MP into a 640×360 WebP", async () => {
    const rendered = await renderCover(asFile(await png(4096, 4096)));
    const meta = await sharp(rendered).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 640, 360]);
  }, 30_000);

  it("refuses more pixels than that from the header, however small the file", async () => {
    const bytes = await png(5000, 4000);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(5000 * 4000).toBeGreaterThan(MAX_COVER_PIXELS);
    await expect(renderCover(asFile(bytes))).rejects.toMatchObject({ code: "VALIDATION", fields: { cover: [expect.stringMatching(/16 megapixels/)] } });
  });

  it("refuses what is not an image", async () => {
    await expect(renderCover(asFile(Buffer.from("not a png")))).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
