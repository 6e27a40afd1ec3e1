import { type Locator, expect } from "@playwright/test";

/** The video element shows real, advancing frames (not just an attached element). */
export async function expectVideoPlaying(video: Locator, timeout = 15_000) {
  await expect(video).toBeVisible({ timeout });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout })
    .toBeGreaterThan(0);
  const frames = () => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const first = await frames();
  await expect.poll(frames, { timeout }).toBeGreaterThan(first + 5);
}
