import { expect } from "@playwright/test";
import { test } from "./support/test";
import { expectChatMessage, sayInChat } from "./support/chat";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { newUser, register, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(240_000);

test("the watch page on a phone held upright (390×844): video, chat, hearts (double-tap too) and danmaku all fit", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Pocket show");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  await register(page, newUser("Pho"));
  await page.goto(`/shows/${roomNumber}`);
  const video = page.getByTestId("host-video");
  await expectVideoPlaying(video);

  // Nothing wider than the screen; the video, the heart, the danmaku switch and the chat input
  // are all on it.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const input = page.getByRole("textbox", { name: "Chat message" });
  for (const el of [video, page.getByTestId("heart-button"), page.getByTestId("danmaku-toggle"), input, page.getByRole("button", { name: "Send", exact: true })]) {
    await el.scrollIntoViewIfNeeded();
    const box = (await el.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }

  // Chatting and watching danmaku from the phone.
  await page.getByTestId("danmaku-toggle").tap();
  // The switch keeps its shape on a narrow line: the knob stays inside the track when on.
  const track = (await page.getByTestId("danmaku-toggle").locator("> span").boundingBox())!;
  await expect
    .poll(async () => {
      const knob = (await page.getByTestId("danmaku-toggle").locator("> span > span").boundingBox())!;
      return knob.x >= track.x && knob.x + knob.width <= track.x + track.width && knob.x > track.x + track.width / 2 - knob.width / 2;
    })
    .toBe(true);
  await sayInChat(host.page, "hello pocket");
  await expectChatMessage(page, "hello pocket");
  await expect(page.getByTestId("danmaku-comment").filter({ hasText: "hello pocket" })).toHaveCount(1, { timeout: 10_000 });
  await input.tap();
  await input.fill("typed on a phone");
  await page.getByRole("button", { name: "Send", exact: true }).tap();
  await expectChatMessage(host.page, "typed on a phone");

  // A double-tap on the video sends a heart.
  await video.scrollIntoViewIfNeeded();
  const box = (await video.boundingBox())!;
  const x = box.x + box.width / 3;
  const y = box.y + box.height / 2;
  await page.touchscreen.tap(x, y);
  await page.touchscreen.tap(x, y);
  await expect
    .poll(async () => (await query<{ likes: number }>(`SELECT likes FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]))[0]?.likes, { timeout: 10_000 })
    .toBe(1);
  await expect(page.getByTestId("like-count")).toHaveText("1", { timeout: 10_000 });

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath("watch-phone.png"), fullPage: true });
  await phone.close();
  await host.context.close();
});
