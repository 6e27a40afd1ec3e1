import { chromium, expect } from "@playwright/test";
import { test } from "./support/test";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { register, newUser, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(180_000);

test("the host's browser is killed: viewers see 'away', then the show ends by itself", async ({ browser, browserName }, testInfo) => {
  expect(browserName).toBe("chromium");
  // The host runs in a browser process of its own, so it can be killed outright (no goodbye to LiveKit).
  const launchOptions = testInfo.project.use.launchOptions ?? {};
  const server = await chromium.launchServer(launchOptions);
  const hostBrowser = await chromium.connect(server.wsEndpoint());
  const hostContext = await hostBrowser.newContext({ baseURL: readStack().appUrl, permissions: ["camera", "microphone"] });
  const hostPage = await hostContext.newPage();
  await register(hostPage, newUser("Crashy"));
  const roomNumber = await goLive(hostPage, "About to crash");

  const viewer = await userPage(browser, "Witness");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));
  await expect(viewer.page.getByTestId("host-away")).toHaveCount(0);
  const lobby = await viewer.context.newPage();
  await lobby.goto("/");
  const card = lobby.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`);
  await expect(card).toBeVisible();

  server.process().kill("SIGKILL");
  const killedAt = Date.now();

  await expect(viewer.page.getByTestId("host-away")).toBeVisible({ timeout: 45_000 });
  const awayAfter = Date.now() - killedAt;
  await expect(viewer.page.getByTestId("show-ended")).toBeVisible({ timeout: 60_000 });
  const endedAfter = Date.now() - killedAt;
  await expect(card).toHaveCount(0, { timeout: 10_000 });
  testInfo.annotations.push({ type: "timing", description: `away after ${awayAfter} ms, ended after ${endedAfter} ms` });
  console.log(`[host-crash] away after ${awayAfter} ms, ended after ${endedAfter} ms`);
  await viewer.context.close();
  await server.close().catch(() => undefined);
});

test("the host leaves and comes back within the grace period: away, then back, show goes on", async ({ browser }) => {
  const host = await userPage(browser, "Returning");
  const roomNumber = await goLive(host.page, "Brb");
  const viewer = await userPage(browser, "Patient");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));

  await host.page.close();
  await expect(viewer.page.getByTestId("host-away")).toBeVisible({ timeout: 10_000 });

  const back = await host.context.newPage();
  await back.goto("/studio");
  await back.getByRole("button", { name: "Resume broadcasting" }).click();
  await expect(back.getByTestId("live-status")).toHaveText("LIVE", { timeout: 15_000 });
  await expect(viewer.page.getByTestId("host-away")).toHaveCount(0, { timeout: 10_000 });
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));

  await back.getByRole("button", { name: "End show" }).click();
  await expect(viewer.page.getByTestId("show-ended")).toBeVisible({ timeout: 10_000 });
  await host.context.close();
  await viewer.context.close();
});
