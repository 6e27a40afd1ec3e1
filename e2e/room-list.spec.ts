import { expect } from "@playwright/test";
import { test } from "./support/test";
import { tableCounts } from "./support/db";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

// A tiny valid PNG (1×1), and bytes that only pretend to be one.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("the room list updates by itself when a second host goes live, with cover", async ({ browser }) => {
  const watcher = await userPage(browser, "Watcher");
  await watcher.page.goto("/");
  await watcher.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const host = await userPage(browser, "Second");
  await host.page.goto("/studio");
  await expectVideoPlaying(host.page.getByTestId("camera-preview"));
  await host.page.getByLabel("Title").fill("Fresh show with a cover");
  await host.page.getByLabel("Cover image (optional)").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: PNG });
  await host.page.getByRole("button", { name: "Go live" }).click();
  await expect(host.page.getByTestId("live-status")).toHaveText("LIVE", { timeout: 15_000 });

  // The host's name too: a retry's list may still hold the first attempt's show of this title.
  const card = watcher.page.locator("[data-testid=show-card]", { hasText: "Fresh show with a cover" }).filter({ hasText: host.user.name });
  await expect(card).toBeVisible({ timeout: 5_000 });
  expect(await watcher.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  const cover = card.getByTestId("show-cover");
  await expect(cover).toHaveAttribute("src", /^\/api\/covers\/[0-9a-f-]+\.webp$/);
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);

  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page).toHaveURL(/\/studio\/ended\/\d+$/);
  // Gone within the list's bound (~4.5 s: caches and poll), once the end has been stored.
  await expect(card).toHaveCount(0, { timeout: 5_000 });
  await host.context.close();
  await watcher.context.close();
});

test("bad go-live input gets a clear message and stores nothing", async ({ browser }) => {
  const host = await userPage(browser, "Careful");
  await host.page.goto("/studio");
  // Without what LiveKit's webhooks write: an earlier test's room can still report in meanwhile.
  const counts = () => tableCounts({ except: ["WebhookDelivery", "ParticipantSession"] });
  const before = await counts();
  const submit = () => host.page.getByRole("button", { name: "Go live" }).click();

  await host.page.getByLabel("Title").fill("   ");
  await submit();
  await expect(host.page.getByText("Give your show a title")).toBeVisible();

  await host.page.getByLabel("Title").fill("Fine title");
  await host.page.getByLabel("Cover image (optional)").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await submit();
  await expect(host.page.getByTestId("form-error")).toHaveText("Cover must be an image (JPEG, PNG, WebP, GIF or AVIF).");

  await host.page.getByLabel("Cover image (optional)").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(5 * 1024 * 1024 + 1) });
  await submit();
  await expect(host.page.getByText("Cover image must be at most 5 MB")).toBeVisible();

  expect(await counts()).toEqual(before);
  await expect(host.page.getByTestId("live-status")).toHaveCount(0);
  await host.context.close();
});
