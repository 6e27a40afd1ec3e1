import { expect } from "@playwright/test";
import { test } from "./support/test";
import { sayInChat } from "./support/chat";
import { query } from "./support/db";
import { egressOutputsSchemaForTests, expectEgressStatus } from "./support/egress";
import { forgetSetting, storeSetting } from "./support/settings";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

const PART_SECONDS = 10;

test("the replay shows a chat message sent during the recording at the point it was sent", async ({ browser }) => {
  test.setTimeout(300_000);
  await storeSetting("recordingPartSeconds", PART_SECONDS);
  const host = await userPage(browser, "Vj");
  try {
    const title = `Replay chat ${Date.now()}`;
    const roomNumber = await goLive(host.page, title);
    await expectVideoPlaying(host.page.getByTestId("self-view"));
    await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
    await expectEgressStatus(roomNumber, "MP4", "ACTIVE");
    // The recording's length is what this waits for (the message lands in its second part).
    await host.page.waitForTimeout(PART_SECONDS * 1000 + 3_000);
    const marker = `Said at a known time ${Date.now()}`;
    await sayInChat(host.page, marker);
    await host.page.waitForTimeout(6_000);
    await host.page.getByRole("button", { name: "Stop Recording (MP4)" }).click();
    const row = await expectEgressStatus(roomNumber, "MP4", "COMPLETE", 120_000);
    const parts = egressOutputsSchemaForTests.parse(row.outputs).files ?? [];
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const [message] = await query<{ createdAt: Date }>(
      `SELECT m."createdAt" FROM "ChatMessage" m JOIN "Show" s ON s.id = m."showId" WHERE s."roomNumber" = $1 AND m.text = $2`,
      [roomNumber, marker],
    );
    const sentAt = (message?.createdAt.getTime() ?? 0) - new Date(parts[0]?.startedAt ?? 0).getTime();
    const offset = sentAt / 1000;
    console.log(`message at ${offset.toFixed(2)} s of the recording; parts ${parts.map((p) => p.durationSeconds.toFixed(1)).join(" + ")} s`);
    expect(offset).toBeGreaterThan(PART_SECONDS); // in the second part

    // The replay, from the host's summary page.
    await host.page.getByRole("button", { name: "End show" }).click();
    await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`));
    const href = (await host.page.getByRole("link", { name: "Watch the replay" }).getAttribute("href")) ?? "";
    const viewer = await browser.newContext();
    const replay = await viewer.newPage();
    await replay.goto(href);
    const video = replay.getByTestId("replay-video");
    const chat = replay.getByTestId("replay-chat");
    const line = chat.getByTestId("replay-event").filter({ hasText: marker });
    const position = async () => Number(await replay.getByTestId("replay-time").getAttribute("data-seconds"));
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThan(0);
    // Not yet at the start…
    await expect(chat).toHaveAttribute("data-count", "0");
    await expect(line).toHaveCount(0);
    // …nor two seconds before it was sent (in the second part)…
    await replay.getByLabel("Position in the show").fill(String(offset - 2));
    await expect(video).toHaveAttribute("data-part", "1", { timeout: 20_000 });
    await expect.poll(position).toBeCloseTo(offset - 2, 0);
    await expect(chat).toHaveAttribute("data-count", "0");
    // …and it appears while the replay plays past that point, not before.
    await replay.getByRole("button", { name: "Play / pause" }).click();
    await expect(line).toHaveCount(1, { timeout: 20_000 });
    const shownAt = await position();
    console.log(`shown at ${shownAt.toFixed(2)} s of the replay (sent at ${offset.toFixed(2)} s)`);
    expect(shownAt).toBeGreaterThanOrEqual(offset - 0.3);
    expect(shownAt).toBeLessThan(offset + 2);
    await expect(line).toContainText(host.user.name);
    // Seeking back before it takes it away again; seeking past it brings it back.
    await replay.getByLabel("Position in the show").fill("1");
    await expect(line).toHaveCount(0);
    await replay.getByLabel("Position in the show").fill(String(offset + 1));
    await expect(line).toHaveCount(1);

    // On a phone held upright.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await small.goto(href);
    await small.getByLabel("Position in the show").fill(String(offset + 1));
    await expect(small.getByTestId("replay-event").filter({ hasText: marker })).toBeVisible();
    await small.screenshot({ path: test.info().outputPath("replay-phone.png"), fullPage: true });
    const box = await small.getByTestId("replay-chat").boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    await phone.close();
    await viewer.close();
  } finally {
    await forgetSetting("recordingPartSeconds");
    await host.context.close();
  }
});
