import path from "node:path";
import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { sayInChat } from "./support/chat";
import { type Region, colourShare, egressOutputsSchemaForTests, egressRows, expectControlStatus, expectEgressStatus, newestSegment } from "./support/egress";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

// The overlay's chat lines are opaque pills of the brand colour (#e11d48) at the bottom left of
// the picture (components/egress/composite-overlay.tsx); the fake camera has no such colour.
const BRAND: [number, number, number] = [0xe1, 0x1d, 0x48];
const CHAT_REGION: Region = { x: 0, y: 0.7, width: 0.4, height: 0.3 };

async function runDirOf(roomNumber: number): Promise<string> {
  const [row] = await egressRows(roomNumber, "HLS");
  const runId = egressOutputsSchemaForTests.parse(row?.outputs).hls?.runId ?? "";
  return path.join(readStack().dataDir, "egress", "hls", String(roomNumber), runId);
}

/** How much of the chat region of the run's newest segment is brand-coloured, and which segment that was. */
async function chatShare(runDir: string): Promise<{ segment: string | null; share: number }> {
  const segment = newestSegment(runDir);
  return { segment, share: segment ? await colourShare(segment, CHAT_REGION, BRAND) : 0 };
}

async function startHls(page: Page, picture: string, roomNumber: number): Promise<string> {
  await page.getByRole("radio", { name: picture }).check();
  await page.getByRole("button", { name: "Start HLS stream" }).click();
  await expectControlStatus(page, "HLS", "ACTIVE", 240_000);
  await expect(page.getByTestId("broadcast-HLS").getByTestId("broadcast-picture")).toHaveText(picture);
  await expectEgressStatus(roomNumber, "HLS", "ACTIVE", 30_000);
  const runDir = await runDirOf(roomNumber);
  await expect.poll(() => newestSegment(runDir), { timeout: 60_000 }).not.toBeNull();
  return runDir;
}

test("with overlay, the HLS output shows the chat sent during the push; camera only does not", async ({ browser }) => {
  test.setTimeout(600_000);
  const host = await userPage(browser, "Vj");
  try {
    const roomNumber = await goLive(host.page, `Overlay ${Date.now()}`);

    // Camera only, with chat during the push: the picture stays free of it.
    const cameraRun = await startHls(host.page, "Camera only", roomNumber);
    await sayInChat(host.page, "Hello to the camera only");
    // the next five segments (the overlay shows a line within a few)
    for (let i = 0; i < 5; i++) {
      const last = newestSegment(cameraRun);
      await expect.poll(() => newestSegment(cameraRun), { timeout: 30_000 }).not.toBe(last);
      const camera = await chatShare(cameraRun);
      console.log(`camera only, after the chat: ${(camera.share * 100).toFixed(1)} % of the chat region (${camera.segment})`);
      expect(camera.share).toBeLessThan(0.01);
    }
    await host.page.getByRole("button", { name: "Stop HLS stream" }).click();
    await expectControlStatus(host.page, "HLS", "COMPLETE", 60_000);

    // With overlay: the show's recent chat (that one line) from the start, and a line sent during the push joins it.
    const overlayRun = await startHls(host.page, "With overlay (chat and gifts)", roomNumber);
    let before = await chatShare(overlayRun);
    await expect.poll(async () => (before = await chatShare(overlayRun)).share, { timeout: 30_000, intervals: [1_000] }).toBeGreaterThan(0.02);
    console.log(`overlay, one line: ${(before.share * 100).toFixed(1)} % of the chat region (${before.segment})`);
    await sayInChat(host.page, "Hello from the overlay test");
    let after = before;
    await expect
      .poll(async () => (after = await chatShare(overlayRun)).share, { timeout: 60_000, intervals: [1_000] })
      .toBeGreaterThan(before.share * 1.6);
    console.log(`overlay, two lines: ${(after.share * 100).toFixed(1)} % of the chat region (${after.segment})`);
  } finally {
    await host.context.close();
  }
});

test("the composite page refuses an overlay link that is not genuine", async ({ page }) => {
  const livekitUrl = readStack().livekit.wsUrl;
  const token = "a.b.c";
  for (const overlay of ["junk", `cmabcdefghijklmnopqrstuvw.${Math.floor(Date.now() / 1000) + 60}.${"A".repeat(43)}`]) {
    await page.goto(`/egress/layout?url=${encodeURIComponent(livekitUrl)}&token=${token}&overlay=${encodeURIComponent(overlay)}`);
    await expect(page.locator("div.error")).toHaveText(/opened by the recording service only.*overlay link is not valid/);
  }
});
