import { expect } from "@playwright/test";
import { test } from "./support/test";
import { expectControlStatus } from "./support/egress";
import { query } from "./support/db";
import { forgetSetting, storeSetting } from "./support/settings";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

const HOLD_SECONDS = 10;

test("push channel rules: already pushing, the link kept across a new show, reclaimed after the hold, the account's limit", async ({ browser }) => {
  test.setTimeout(300_000);
  const host = await userPage(browser, "Vj");
  const studio = host.page;
  const hlsRow = studio.getByTestId("broadcast-HLS");
  const link = hlsRow.getByTestId("playback-link");
  try {
    const roomA = await goLive(studio, `Channel A ${Date.now()}`);
    await studio.getByRole("button", { name: "Start HLS stream" }).click();
    await expectControlStatus(studio, "HLS", "ACTIVE", 120_000);
    await expect(hlsRow.getByTestId("channel-state")).toContainText("pushing");
    const first = (await link.getAttribute("href")) ?? "";
    const channelId = first.replace("/play/", "");

    // Starting the same output again is not an error: the running channel comes back.
    const again = await studio.request.post(`/api/shows/${roomA}/push`);
    expect(again.status()).toBe(200);
    const body = (await again.json()) as { notice?: { code: string; channelId: string; message: string }; channels: { id: string; state: string }[] };
    expect(body.notice).toMatchObject({ code: "ALREADY_PUSHING", channelId });
    expect(body.notice?.message).toContain("Already pushing");
    expect(body.channels.find((c) => c.id === channelId)?.state).toBe("PUSHING");
    expect(await query(`SELECT count(*)::int AS n FROM "Egress" WHERE kind = 'HLS' AND "channelId" = $1`, [channelId])).toEqual([{ n: 1 }]);
    // Somebody else's show: 403, nothing started.
    const other = await userPage(browser, "Other");
    expect((await other.page.request.post(`/api/shows/${roomA}/push`)).status()).toBe(403);
    expect((await other.page.request.post(`/api/shows/99999/push`)).status()).toBe(404);
    await other.context.close();

    // A visitor follows the link. The host's show ends (as when the host drops): the link is kept.
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    await page.goto(first);
    await expect(page.getByTestId("hls-video")).toHaveAttribute("data-state", "playing", { timeout: 90_000 });
    await studio.getByRole("button", { name: "End show" }).click();
    await expect(studio).toHaveURL(new RegExp(`/studio/ended/${roomA}$`));
    await expect(page.getByTestId("hls-waiting")).toBeVisible({ timeout: 45_000 });

    // A new show within the hold: the same channel, the same link, and the visitor's page plays it.
    const roomB = await goLive(studio, `Channel B ${Date.now()}`);
    await expect(hlsRow.getByTestId("channel-state")).toContainText("held");
    await studio.getByRole("button", { name: "Start HLS stream" }).click();
    await expectControlStatus(studio, "HLS", "ACTIVE", 120_000);
    await expect(link).toHaveAttribute("href", first);
    await expect(page.getByTestId("hls-video")).toHaveAttribute("data-state", "playing", { timeout: 90_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Channel B");
    expect(roomB).not.toBe(roomA);

    // Stopped, and not restarted within the (shortened) hold: the channel is reclaimed…
    await storeSetting("pushChannelHoldSeconds", HOLD_SECONDS);
    await studio.getByRole("button", { name: "Stop HLS stream" }).click();
    await expectControlStatus(studio, "HLS", "COMPLETE");
    await expect(hlsRow.getByTestId("channel-state")).toContainText("held");
    await expect(hlsRow.getByTestId("channel-state")).toHaveCount(0, { timeout: (HOLD_SECONDS + 15) * 1000 });
    await page.goto(first);
    await expect(page.getByTestId("channel-not-found")).toBeVisible();
    // …and the next push gets a new link.
    await studio.getByRole("button", { name: "Start HLS stream" }).click();
    await expectControlStatus(studio, "HLS", "ACTIVE", 120_000);
    await expect(link).toHaveAttribute("href", /^\/play\/[a-z0-9]+$/);
    expect(await link.getAttribute("href")).not.toBe(first);

    // The account's channel limit (operator setting): with one allowed, an RTMP channel is refused.
    await storeSetting("pushChannelLimit", 1);
    const controls = studio.getByTestId("broadcast-controls");
    await controls.getByLabel("RTMP push URL").fill("rtmp://127.0.0.1:1/live/limit-key");
    await studio.getByRole("button", { name: "Start RTMP push" }).click();
    await expect(controls.getByTestId("form-error")).toContainText("Channel limit reached");
    // (This host's: other specs' hosts keep their own RTMP channels.)
    const hostsRtmp = `"hostId" = (SELECT "hostId" FROM "PushChannel" WHERE id = $1)`;
    expect(await query(`SELECT count(*)::int AS n FROM "PushChannel" WHERE kind = 'RTMP' AND ${hostsRtmp}`, [channelId])).toEqual([{ n: 0 }]);
    expect(
      await query(`SELECT count(*)::int AS n FROM "Egress" e JOIN "Show" s ON s.id = e."showId" WHERE e.kind = 'RTMP' AND s.${hostsRtmp}`, [channelId]),
    ).toEqual([{ n: 0 }]);
    await visitor.close();
    await studio.getByRole("button", { name: "End show" }).click();
  } finally {
    await forgetSetting("pushChannelHoldSeconds");
    await forgetSetting("pushChannelLimit");
    await host.context.close();
  }
});
