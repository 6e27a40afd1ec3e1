import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { callAction, chatActions } from "./support/actions";
import { expectChatMessage, sayInChat } from "./support/chat";
import { goLive } from "./support/studio";
import { login, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(240_000);

type Box = { x: number; y: number; width: number; height: number };

function comment(page: Page, text: string) {
  return page.getByTestId("danmaku-comment").filter({ hasText: text });
}

/** No comment is seen over the video for a while (it would fly for several seconds). */
async function expectNeverFlies(page: Page, text: string) {
  for (let i = 0; i < 10; i++) {
    expect(await comment(page, text).count()).toBe(0);
    await page.waitForTimeout(200);
  }
}

test("danmaku: on, messages fly across the video in lanes; off, they do not; remembered per browser", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Flying comments");
  const viewer = await userPage(browser, "Dan");
  await viewer.page.goto(`/shows/${roomNumber}`);
  const video = viewer.page.getByTestId("host-video");
  await expectVideoPlaying(video);
  const toggle = viewer.page.getByTestId("danmaku-toggle");

  // Off at first: the message is in the chat list only.
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await sayInChat(host.page, "not flying yet");
  await expectChatMessage(viewer.page, "not flying yet");
  await expectNeverFlies(viewer.page, "not flying yet");

  // On: it crosses the video from right to left.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await sayInChat(host.page, "fly across");
  const flying = comment(viewer.page, "fly across");
  await expect(flying).toHaveCount(1, { timeout: 10_000 });
  const stage = (await video.boundingBox())!;
  const first = (await flying.boundingBox())!;
  await expect.poll(async () => (await flying.boundingBox())?.x ?? -Infinity, { timeout: 5_000 }).toBeLessThan(first.x - 50);
  expect(first.y).toBeGreaterThanOrEqual(stage.y);
  expect(first.y + first.height).toBeLessThanOrEqual(stage.y + stage.height * 0.7);
  // Once across, it is gone from the page.
  await expect(flying).toHaveCount(0, { timeout: 20_000 });

  // A burst: lanes in the top of the picture, no two comments overlapping, extras dropped.
  await Promise.all(
    Array.from({ length: 3 }, (_, s) =>
      (async () => {
        for (let i = 0; i < 8; i++) await callAction(host.page, `/shows/${roomNumber}`, chatActions, "sendChatAction", { roomNumber, text: `burst ${s}-${i}` });
      })(),
    ),
  );
  await expect.poll(() => viewer.page.getByTestId("danmaku-comment").count()).toBeGreaterThan(1);
  const boxes = (await viewer.page.getByTestId("danmaku-comment").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  )) as Box[];
  const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const [i, a] of boxes.entries()) {
    expect(a.y + a.height).toBeLessThanOrEqual(stage.y + stage.height * 0.7);
    for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  }

  // Remembered in this browser (not in the account: the same viewer in another browser has it
  // off), and off again means off.
  await viewer.page.reload();
  await expect(viewer.page.getByTestId("danmaku-toggle")).toHaveAttribute("aria-checked", "true");
  const otherBrowser = await browser.newContext();
  const other = await otherBrowser.newPage();
  await login(other, viewer.user);
  await other.waitForURL((url) => url.pathname === "/");
  await other.goto(`/shows/${roomNumber}`);
  await expect(other.getByRole("textbox", { name: "Chat message" })).toBeEnabled({ timeout: 15_000 });
  await expect(other.getByTestId("danmaku-toggle")).toHaveAttribute("aria-checked", "false");
  await otherBrowser.close();
  await viewer.page.getByTestId("danmaku-toggle").click();
  await expect(viewer.page.getByTestId("danmaku-toggle")).toHaveAttribute("aria-checked", "false");
  await expect(viewer.page.getByRole("textbox", { name: "Chat message" })).toBeEnabled({ timeout: 15_000 });
  await sayInChat(host.page, "grounded again");
  await expectChatMessage(viewer.page, "grounded again");
  await expectNeverFlies(viewer.page, "grounded again");

  await host.context.close();
  await viewer.context.close();
});
