import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { egressOutputsSchemaForTests, expectControlStatus, expectEgressStatus, ffprobe } from "./support/egress";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test("the host starts HLS; anyone can watch it without logging in; ending the show stops it", async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, `HLS show ${Date.now()}`);

  const clickedAt = Date.now();
  await host.page.getByRole("button", { name: "Start HLS stream" }).click();
  await expectControlStatus(host.page, "HLS", "ACTIVE", 120_000);
  const active = await expectEgressStatus(roomNumber, "HLS", "ACTIVE", 120_000);
  console.log(`HLS: start → ACTIVE ${((Date.now() - clickedAt) / 1000).toFixed(1)} s`);

  // A visitor without an account opens the shared link.
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(`/shows/${roomNumber}/hls`);
  const video = page.getByTestId("hls-video");
  await expect(video).toHaveAttribute("data-state", "playing", { timeout: 30_000 });
  console.log(`HLS: start → first segment playable ${((Date.now() - clickedAt) / 1000).toFixed(1)} s`);
  const time = () => video.evaluate((v: HTMLVideoElement) => v.currentTime);
  // hls.js may seek to the live edge once at the start: measure from a settled position.
  await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(2);
  const t0 = await time();
  const frames = () => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const f0 = await frames();
  await expect.poll(time, { timeout: 20_000 }).toBeGreaterThan(t0 + 2);
  expect(await frames()).toBeGreaterThan(f0 + 20);
  expect(await video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(1280);

  // The app serves the run's files with the right types, and nothing else.
  const src = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).find((n) => n.includes("/live.m3u8")));
  expect(src).toBeTruthy();
  const playlist = await page.request.get(src ?? "");
  expect(playlist.status()).toBe(200);
  expect(playlist.headers()["content-type"]).toBe("application/vnd.apple.mpegurl");
  expect(playlist.headers()["cache-control"]).toBe("no-store");
  expect(playlist.headers()["access-control-allow-origin"]).toBeUndefined();
  const text = await playlist.text();
  expect(text).toMatch(/#EXT-X-TARGETDURATION:[12]\b/);
  const segment = text.split("\n").find((line) => line.startsWith("seg_"));
  const segmentUrl = new URL(segment ?? "", src).toString();
  const segmentResponse = await page.request.get(segmentUrl);
  expect(segmentResponse.headers()["content-type"]).toBe("video/mp2t");
  const probe = await ffprobe(segmentUrl);
  expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(["aac", "h264"]);
  // Every request carries the viewer's signed link; with it, still nothing but the run's files.
  const signed = new URL(src ?? "");
  const token = `?t=${encodeURIComponent(signed.searchParams.get("t") ?? "")}`;
  expect(segment).toContain(token); // the playlist signs its segments (players that add nothing)
  const base = `${signed.origin}${signed.pathname.slice(0, signed.pathname.lastIndexOf("/"))}`;
  for (const bad of ["secrets.env", "..%2F..%2F..%2Fsecrets.env", "seg_1.ts", "live.m3u8/x", "../live.m3u8"]) {
    expect((await page.request.get(`${base}/${bad}${token}`)).status(), bad).toBe(404);
  }
  expect((await page.request.get(`/api/hls/${roomNumber}/0000000000000000/live.m3u8${token}`)).status()).toBe(404);
  expect((await page.request.get(`/api/hls/abc/x/live.m3u8`)).status()).toBe(404);

  // Files land under the stack's data directory.
  const runId = egressOutputsSchemaForTests.parse(active.outputs).hls?.runId ?? "";
  expect(src).toContain(`/${runId}/live.m3u8`);

  // Ending the show stops its egress.
  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`));
  await expectEgressStatus(roomNumber, "HLS", /^(ENDING|COMPLETE)$/, 15_000);
  await expectEgressStatus(roomNumber, "HLS", "COMPLETE", 30_000);
  await page.goto(`/shows/${roomNumber}/hls`);
  await expect(page.getByTestId("show-ended")).toBeVisible();

  // The ended run's files are no longer served, though they are still on disk…
  const runDir = path.join(readStack().dataDir, "egress", "hls", String(roomNumber), runId);
  expect(fs.existsSync(path.join(runDir, "index.m3u8"))).toBe(true);
  for (const url of [src ?? "", segmentUrl, `${base}/index.m3u8${token}`]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(410);
    expect(response.headers()["access-control-allow-origin"]).toBeUndefined();
  }
  // …until the retention period (hlsRetentionHours, 24 h by default) has passed since it ended.
  await query(`UPDATE "Egress" SET "endedAt" = now() - interval '25 hours' WHERE id = $1`, [active.id]);
  await expect.poll(() => fs.existsSync(runDir), { timeout: 20_000 }).toBe(false);

  await visitor.close();
  await host.context.close();
});
