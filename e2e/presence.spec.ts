import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(180_000);

test("1 host + 3 viewers: counts, peak, unique, member order, join/leave notices", async ({ browser }) => {
  const host = await userPage(browser, "Hostess");
  const roomNumber = await goLive(host.page, "Presence check");
  const hostCount = host.page.getByTestId("viewer-count");
  await expect(hostCount).toHaveText("0");

  const viewers = [];
  for (const name of ["Ann", "Bob", "Cyd"]) {
    const viewer = await userPage(browser, name);
    await viewer.page.goto(`/shows/${roomNumber}`);
    await expectVideoPlaying(viewer.page.getByTestId("host-video"));
    viewers.push(viewer);
    await expect(hostCount).toHaveText(String(viewers.length), { timeout: 10_000 });
    await expect(host.page.getByTestId("room-notices")).toContainText(`${viewer.user.name} joined`);
  }

  // Everyone sees the same count; the member list puts the host first.
  const first = viewers[0]!;
  await expect(first.page.getByTestId("viewer-count")).toHaveText("3", { timeout: 10_000 });
  const members = first.page.getByTestId("member");
  await expect(members).toHaveCount(4);
  await expect(members.first()).toHaveAttribute("data-role", "host");
  await expect(members.first()).toContainText(host.user.name);
  await expect(first.page.getByTestId("room-notices")).toContainText(`${viewers[2]!.user.name} joined`);

  // The home page shows the live count too.
  await host.page.context().newPage().then(async (p) => {
    await p.goto("/");
    await expect(p.locator(`[data-room-number="${roomNumber}"] [data-testid=card-viewers]`)).toHaveText("3");
    await p.close();
  });

  // Viewers leave one by one: the count comes down, notices say who left.
  for (const [i, viewer] of viewers.entries()) {
    await viewer.context.close();
    await expect(hostCount).toHaveText(String(2 - i), { timeout: 20_000 });
    await expect(host.page.getByTestId("room-notices")).toContainText(`${viewer.user.name} left`);
  }

  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page.getByTestId("stat-peak")).toHaveText("3");
  await expect(host.page.getByTestId("stat-unique")).toHaveText("3");
  const [row] = await query<{ peakViewers: number; uniqueViewers: number; viewerCount: number }>(
    `SELECT "peakViewers", "uniqueViewers", "viewerCount" FROM "Show" WHERE "roomNumber" = $1`,
    [roomNumber],
  );
  expect(row).toEqual({ peakViewers: 3, uniqueViewers: 3, viewerCount: 0 });
  await host.context.close();
});
