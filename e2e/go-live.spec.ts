import { expect } from "@playwright/test";
import { test } from "./support/test";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test("a VJ goes live, a viewer watches, the VJ ends the show", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const viewer = await userPage(browser, "Viewer");

  // A second studio tab, opened before going live, to try a second show later.
  const secondTab = await host.context.newPage();
  await secondTab.goto("/studio");

  const title = `Morning show ${Date.now()}`;
  const roomNumber = await goLive(host.page, title);
  expect(roomNumber).toBeGreaterThanOrEqual(10001);

  // One live show per host: the second attempt is refused with a clear message.
  await secondTab.getByLabel("Title").fill("Second show");
  await secondTab.getByRole("button", { name: "Go live" }).click();
  await expect(secondTab.getByTestId("form-error")).toHaveText(
    `You are already live in room ${roomNumber}. End that show before starting another.`,
  );
  await secondTab.close();

  // The viewer finds the show on the home page and watches it.
  await viewer.page.goto("/");
  const card = viewer.page.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`);
  await expect(card).toContainText(title);
  await expect(card).toContainText(host.user.name);
  await expect(card).toContainText(`room ${roomNumber}`);
  await card.click();
  await expect(viewer.page).toHaveURL(new RegExp(`/shows/${roomNumber}$`));
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));
  // Sound arrives too: an audio element is attached for the host's microphone track.
  await expect
    .poll(() => viewer.page.locator("audio").evaluateAll((els) => els.filter((e) => (e as HTMLAudioElement).srcObject).length))
    .toBeGreaterThan(0);

  // The VJ peeking at their own show in another tab must not knock the broadcast off
  // (LiveKit drops an earlier connection that has the same identity).
  const peek = await host.context.newPage();
  await peek.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(peek.getByTestId("host-video"));
  await expect(host.page.getByTestId("live-status")).toHaveText("LIVE");
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));
  await expect(viewer.page.getByTestId("viewer-count")).toHaveText("1");
  await peek.close();

  // The VJ ends the show: the viewer is told, the list is empty, the VJ sees the summary.
  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`));
  await expect(host.page.getByRole("heading", { name: "Your show has ended" })).toBeVisible();
  await expect(viewer.page.getByTestId("show-ended")).toBeVisible({ timeout: 10_000 });

  await viewer.page.goto("/");
  await expect(viewer.page.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`)).toHaveCount(0);
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expect(viewer.page.getByTestId("show-ended")).toBeVisible();

  await host.context.close();
  await viewer.context.close();
});

test("unknown rooms and visitors without an account", async ({ page }) => {
  await page.goto("/shows/99999");
  await expect(page.getByRole("heading", { name: "No such show" })).toBeVisible();
  await page.goto("/shows/not-a-number");
  await expect(page.getByRole("heading", { name: "No such show" })).toBeVisible();
  const response = await page.request.post("/api/shows/10001/token");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
});
