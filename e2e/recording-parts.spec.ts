import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { egressOutputsSchemaForTests, expectEgressStatus, ffprobe } from "./support/egress";
import { forgetSetting, storeSetting } from "./support/settings";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

const PART_SECONDS = 10;
const RECORD_SECONDS = 35;
const NAME = /^parts-\d+_(\d{8}-\d{6})_(\d{8}-\d{6})\.(mp4|m4a)$/;

test("a recording is cut into parts of the operator's length, with no gap or overlap; an audio-only recording has no video", async ({ browser }) => {
  test.setTimeout(300_000);
  await storeSetting("recordingPartSeconds", PART_SECONDS);
  const host = await userPage(browser, "Vj");
  try {
    // A show that ended without recordings has no replay: a clear page, answered 404.
    const bare = await goLive(host.page, `Bare ${Date.now()}`);
    await host.page.getByRole("button", { name: "End show" }).click();
    await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${bare}$`));
    await expect(host.page.getByTestId("recordings")).toContainText("No recordings of this show.");
    const [bareShow] = await query<{ id: string }>(`SELECT id FROM "Show" WHERE "roomNumber" = $1`, [bare]);
    const bareReplay = await host.page.goto(`/replay/${bareShow?.id ?? ""}`);
    expect(bareReplay?.status()).toBe(404);
    await expect(host.page.getByTestId("replay-not-found")).toBeVisible();

    const roomNumber = await goLive(host.page, `Parts ${Date.now()}`);
    await expectVideoPlaying(host.page.getByTestId("self-view"));
    const mp4Row = host.page.getByTestId("broadcast-MP4");

    const from = Date.now();
    await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
    await expectEgressStatus(roomNumber, "MP4", "ACTIVE");
    const activeAt = Date.now();
    await host.page.waitForTimeout(Math.max(0, RECORD_SECONDS * 1000 - (Date.now() - from)));
    await host.page.getByRole("button", { name: "Stop Recording (MP4)" }).click();
    const stoppedAt = Date.now();
    const row = await expectEgressStatus(roomNumber, "MP4", "COMPLETE", 120_000);

    const parts = egressOutputsSchemaForTests.parse(row.outputs).files ?? [];
    console.log("parts:", parts.map((p) => `${p.name} ${p.durationSeconds.toFixed(2)} s`).join(", "));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const dir = path.join(readStack().dataDir, "egress", "recordings", String(roomNumber));
    let total = 0;
    for (const [i, part] of parts.entries()) {
      const match = NAME.exec(part.name);
      expect(match, part.name).not.toBeNull();
      expect(match?.[3]).toBe("mp4");
      // Each part starts where the previous one ended (same second in the names).
      if (i > 0) expect(match?.[1]).toBe(NAME.exec(parts[i - 1]?.name ?? "")?.[2]);
      const probe = await ffprobe(path.join(dir, part.name));
      expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(["audio", "video"]);
      const seconds = Number(probe.format.duration);
      if (i < parts.length - 1) expect(seconds).toBeGreaterThanOrEqual(PART_SECONDS - 0.5);
      total += seconds;
    }
    // Together they are the recorded time: at most from click to stop, at least from seen-active to stop.
    console.log(`recording parts: ${parts.length}, total ${total.toFixed(2)} s; recorded ${((stoppedAt - from) / 1000).toFixed(2)} s, surely active ${((stoppedAt - activeAt) / 1000).toFixed(2)} s`);
    expect(total).toBeLessThanOrEqual((stoppedAt - from) / 1000 + 1);
    expect(total).toBeGreaterThanOrEqual((stoppedAt - activeAt) / 1000 - 1);
    // The studio lists the parts as they are finished.
    for (const part of parts) await expect(mp4Row.getByTestId("recording-files")).toContainText(part.name);

    // Audio only: a file with an audio stream and no video stream.
    await mp4Row.getByLabel("Audio only").check();
    await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
    const audio = await expectEgressStatus(roomNumber, "MP4", "ACTIVE");
    expect(audio.id).not.toBe(row.id);
    await host.page.waitForTimeout(6_000);
    await host.page.getByRole("button", { name: "Stop Recording (MP4)" }).click();
    const done = await expectEgressStatus(roomNumber, "MP4", "COMPLETE", 120_000);
    const audioParts = egressOutputsSchemaForTests.parse(done.outputs).files ?? [];
    expect(audioParts.length).toBeGreaterThanOrEqual(1);
    for (const part of audioParts) {
      expect(NAME.exec(part.name)?.[3], part.name).toBe("m4a");
      const probe = await ffprobe(path.join(dir, part.name));
      expect(probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(["audio:aac"]);
    }

    // The host's summary lists both recordings; the replay plays the parts as one show.
    await host.page.getByRole("button", { name: "End show" }).click();
    await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`));
    const recordings = host.page.getByTestId("recording");
    await expect(recordings).toHaveCount(2);
    await expect(recordings.first()).toContainText(parts[0]?.name ?? "-");
    const viewer = await browser.newContext();
    const replay = await viewer.newPage();
    await replay.goto((await host.page.getByRole("link", { name: "Watch the replay" }).getAttribute("href")) ?? "");
    const video = replay.getByTestId("replay-video");
    await expect(video).toHaveAttribute("data-part", "0");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThan(0);
    // Seek (on the show's own timeline) to just before the end of part 1, play, and cross into part 2.
    const boundary = parts[0]?.durationSeconds ?? 0;
    await replay.getByRole("button", { name: "Play / pause" }).click();
    await replay.getByLabel("Position in the show").fill(String(Math.max(0, boundary - 1.5)));
    await expect(video).toHaveAttribute("data-part", "1", { timeout: 20_000 });
    await expect.poll(async () => Number(await replay.getByTestId("replay-time").getAttribute("data-seconds")), { timeout: 20_000 }).toBeGreaterThan(boundary + 0.5);
    expect(await video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    // Seeking back across the boundary, into part 1.
    await replay.getByLabel("Position in the show").fill("2");
    await expect(video).toHaveAttribute("data-part", "0", { timeout: 20_000 });
    await viewer.close();

    // The studio's past shows list the show with its recordings and replay.
    await host.page.goto("/studio");
    const past = host.page.getByTestId("past-show").filter({ hasText: `room ${roomNumber}` });
    await expect(past).toContainText("2 recordings");
    await expect(past.getByRole("link", { name: "Replay" })).toHaveAttribute("href", /^\/replay\/[a-z0-9]+$/);
    await past.getByRole("link").first().click();
    await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`));

    // The host deletes the audio-only recording: gone from the list and from the disk.
    await host.page.getByRole("button", { name: "Delete recording 2" }).click();
    await expect(recordings).toHaveCount(1);
    for (const part of audioParts) expect(fs.existsSync(path.join(dir, part.name)), part.name).toBe(false);
    expect(fs.existsSync(path.join(dir, parts[0]?.name ?? "-"))).toBe(true);
  } finally {
    await forgetSetting("recordingPartSeconds");
    await host.context.close();
  }
});
