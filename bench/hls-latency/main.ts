// Glass-to-glass delay of the HLS output vs WebRTC, in one run (npm run bench:hls).
//
// The host's camera is a canvas showing the current time as a barcode (clock.ts). A logged-in
// viewer watches over WebRTC, an anonymous one the HLS page; each reads the barcode off the
// frames it displays and compares it with its own clock (same machine, same clock).
//
// Starts its own test-profile stack (bench/support/stack.ts) and stops it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser, BrowserContext, Page } from "@playwright/test";

import { newUser as testUser, register } from "../../e2e/support/users";
import { newContext } from "../support/browser";
import { runBench, withBrowser, withStack } from "../support/run";
import { BARS, installClockCamera, readClockDelay } from "./clock";

const SAMPLES = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newUser(browser: Browser, baseURL: string, name: string, clockCamera: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseURL);
  if (clockCamera) await context.addInitScript(installClockCamera, BARS);
  const page = await context.newPage();
  await register(page, testUser(name));
  return { context, page };
}

async function sample(page: Page, selector: string): Promise<number[]> {
  const delays: number[] = [];
  for (let attempt = 0; delays.length < SAMPLES && attempt < SAMPLES * 4; attempt++) {
    const delay = await page.evaluate(readClockDelay, [selector, BARS] as [string, number]);
    if (delay !== null) delays.push(delay);
    await sleep(1_000);
  }
  if (delays.length < SAMPLES) throw new Error(`only ${delays.length} readable frames in ${selector}`);
  return delays;
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Starts the HLS stream with this picture and samples the delay on the anonymous HLS page. */
async function measureHls(browser: Browser, baseURL: string, host: Page, roomNumber: number, dataDir: string, picture: string) {
  await host.getByRole("radio", { name: picture }).check();
  const clickedAt = Date.now();
  await host.getByRole("button", { name: "Start HLS stream" }).click();
  const hlsDir = path.join(dataDir, "egress", "hls", String(roomNumber));
  const before = new Set(fs.existsSync(hlsDir) ? fs.readdirSync(hlsDir) : []);
  let firstSegmentMs = NaN;
  while (Date.now() - clickedAt < 60_000) {
    const runs = (fs.existsSync(hlsDir) ? fs.readdirSync(hlsDir) : []).filter((run) => !before.has(run));
    const listed = runs.some((run) => {
      const playlist = path.join(hlsDir, run, "live.m3u8");
      return fs.existsSync(playlist) && fs.readFileSync(playlist, "utf8").includes("#EXTINF");
    });
    if (listed) {
      firstSegmentMs = Date.now() - clickedAt;
      break;
    }
    await sleep(100);
  }

  const anonymous = await newContext(browser, baseURL);
  const hlsPage = await anonymous.newPage();
  await hlsPage.goto(`/shows/${roomNumber}/hls`);
  await hlsPage.locator("[data-testid=hls-video][data-state=playing]").waitFor({ timeout: 60_000 });
  const playingMs = Date.now() - clickedAt;
  await sleep(5_000); // past hls.js's start-up seek to the live edge
  const delays = await sample(hlsPage, "[data-testid=hls-video]");
  // How much is buffered ahead of the playhead (what the player holds back) and stalls so far.
  const player = await hlsPage.locator("[data-testid=hls-video]").evaluate((v: HTMLVideoElement) => ({
    ahead: v.buffered.length ? v.buffered.end(v.buffered.length - 1) - v.currentTime : 0,
    dropped: v.getVideoPlaybackQuality().droppedVideoFrames,
  }));
  await anonymous.close();
  await host.getByRole("button", { name: "Stop HLS stream" }).click();
  await host.getByTestId("broadcast-HLS").and(host.locator("[data-status=COMPLETE]")).waitFor({ timeout: 60_000 });
  return { delays, firstSegmentMs, playingMs, player };
}

async function bench(browser: Browser, baseURL: string, dataDir: string) {
  {
    const host = await newUser(browser, baseURL, "bench-vj", true);
    await host.page.goto("/studio");
    await host.page.getByLabel("Title").fill("HLS latency bench");
    await host.page.getByRole("button", { name: "Go live" }).click();
    await host.page.getByTestId("live-status").getByText("LIVE").waitFor({ timeout: 30_000 });
    const roomNumber = Number((await host.page.getByText(/^Room \d+$/).textContent())?.replace("Room ", ""));

    const viewer = await newUser(browser, baseURL, "bench-viewer", false);
    await viewer.page.goto(`/shows/${roomNumber}`);
    await viewer.page.getByTestId("host-video").waitFor();
    await sleep(3_000); // let the connection settle (bandwidth estimation, layer switches)
    const webrtc = await sample(viewer.page, "[data-testid=host-video]");

    const camera = await measureHls(browser, baseURL, host.page, roomNumber, dataDir, "Camera only");
    const overlay = await measureHls(browser, baseURL, host.page, roomNumber, dataDir, "With overlay (chat and gifts)");
    const hls = camera.delays;

    console.log(`\nHLS latency bench (room ${roomNumber}, ${SAMPLES} samples each, glass-to-glass on one machine)`);
    console.log(`  WebRTC  p50 ${seconds(p50(webrtc))}   samples: ${webrtc.map(seconds).join(", ")}`);
    for (const [label, run] of [["HLS, camera only ", camera], ["HLS, with overlay", overlay]] as const) {
      console.log(`  ${label}  p50 ${seconds(p50(run.delays))}   samples: ${run.delays.map(seconds).join(", ")}`);
      console.log(`    start → first segment in live.m3u8: ${seconds(run.firstSegmentMs)}; → playing on the HLS page: ${seconds(run.playingMs)}`);
      console.log(`    player: ${seconds(run.player.ahead * 1000)} buffered ahead of the playhead, ${run.player.dropped} dropped frames`);
    }
    const worst = Math.max(p50(hls), p50(overlay.delays));
    console.log(`  goal HLS ≤ 4 s (both pictures): ${worst <= 4_000 ? "met" : "NOT met"}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

    await host.page.getByRole("button", { name: "End show" }).click();
    await host.page.waitForURL(/\/studio\/ended\//);
  }
}

runBench("hls", () => withStack("hls", {}, (stack) => withBrowser((browser) => bench(browser, stack.info.appUrl, stack.info.dataDir))));
