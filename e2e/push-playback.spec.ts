import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { expectControlStatus } from "./support/egress";
import { forgetSetting, storeSetting } from "./support/settings";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

const LINK_SECONDS = 20;

/** Every playlist URL the page asked for, newest last (each carries the signed link it used). */
function playlistRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/live.m3u8")) urls.push(request.url());
  });
  return urls;
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get("t") ?? "";
}

function withToken(url: string, token: string | null): string {
  const u = new URL(url);
  if (token === null) u.searchParams.delete("t");
  else u.searchParams.set("t", token);
  return u.toString();
}

test("the playback link plays and renews itself; tampered, missing and expired links get 403", async ({ browser }) => {
  test.setTimeout(240_000);
  // Short links, so that one expires during the test while the page keeps playing.
  await storeSetting("playbackLinkSeconds", LINK_SECONDS);
  const host = await userPage(browser, "Vj");
  try {
    await goLive(host.page, `Protected ${Date.now()}`);
    await host.page.getByRole("button", { name: "Start HLS stream" }).click();
    await expectControlStatus(host.page, "HLS", "ACTIVE", 120_000);
    const link = host.page.getByTestId("broadcast-HLS").getByTestId("playback-link");
    await expect(link).toHaveAttribute("href", /^\/play\/[a-z0-9]+$/);
    await expect(host.page.getByRole("button", { name: "Copy the playback link" })).toBeVisible();

    // A visitor without an account opens the shared link.
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    const requests = playlistRequests(page);
    page.on("response", (response) => {
      if (response.status() >= 400) console.log(`visitor: ${response.status()} ${response.url().replace(/t=[^&]+/, "t=…")} at ${new Date().toISOString()}`);
    });
    page.on("console", (message) => console.log(`visitor console: ${message.text()}`));
    await page.goto((await link.getAttribute("href")) ?? "");
    const video = page.getByTestId("hls-video");
    await expect(video).toHaveAttribute("data-state", "playing", { timeout: 90_000 });
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    const first = requests[0] ?? "";
    const firstToken = tokenOf(first);
    expect(firstToken).toMatch(/^[\w-]{16}\.\d{10}\.[\w-]{43}$/);
    expect((await page.request.get(first)).status()).toBe(200);

    // Tampered, missing or foreign-looking signatures are refused.
    const [viewer, expires, signature] = firstToken.split(".");
    const tampered = [
      `${viewer}.${Number(expires) + 3600}.${signature}`,
      `${"A".repeat(16)}.${expires}.${signature}`,
      `${viewer}.${expires}.${(signature ?? "").replace(/^./, (c) => (c === "A" ? "B" : "A"))}`,
      "junk",
      "",
    ];
    for (const token of tampered) expect((await page.request.get(withToken(first, token))).status(), token).toBe(403);
    expect((await page.request.get(withToken(first, null))).status()).toBe(403);
    const segment = (await (await page.request.get(first)).text()).split("\n").find((line) => line.startsWith("seg_"));
    const segmentUrl = new URL(segment ?? "", first).toString();
    expect((await page.request.get(segmentUrl)).status()).toBe(200);
    expect((await page.request.get(withToken(segmentUrl, tampered[0] ?? ""))).status()).toBe(403);

    // The page keeps playing past the first link's expiry, on renewed links…
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect
      .poll(() => Date.now() / 1000 > Number(expires) + 2, { timeout: (LINK_SECONDS + 10) * 1000, intervals: [500] })
      .toBe(true);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(t0 + LINK_SECONDS - 4);
    const renewed = requests.map(tokenOf).filter((token) => token !== firstToken);
    expect(renewed.length).toBeGreaterThan(0);
    expect(renewed.every((token) => token.startsWith(`${viewer}.`))).toBe(true);
    // …while the expired link itself is refused, for the playlist and its segments.
    expect((await page.request.get(first)).status()).toBe(403);
    expect((await page.request.get(segmentUrl)).status()).toBe(403);

    // Stopping the push: its files are gone (410) for a valid link (the one the page used last), and
    // the page says it is waiting. Asked directly: the page may learn of the stop from its link
    // renewal first and never ask for the playlist again.
    await host.page.getByRole("button", { name: "Stop HLS stream" }).click();
    await expect.poll(async () => (await page.request.get(requests.at(-1) ?? "")).status(), { timeout: 15_000, intervals: [250] }).toBe(410);
    await expectControlStatus(host.page, "HLS", "COMPLETE");
    await expect(page.getByTestId("hls-waiting")).toBeVisible({ timeout: 30_000 });
    await visitor.close();
  } finally {
    await forgetSetting("playbackLinkSeconds");
    await host.context.close();
  }
});

test("a visitor on a phone sees the playback page", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  await goLive(host.page, `Phone ${Date.now()}`);
  await host.page.getByRole("button", { name: "Start HLS stream" }).click();
  const href = await host.page.getByTestId("broadcast-HLS").getByTestId("playback-link").getAttribute("href", { timeout: 45_000 });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(href ?? "");
  await expect(page.getByTestId("hls-video")).toHaveAttribute("data-state", "playing", { timeout: 90_000 });
  await page.screenshot({ path: test.info().outputPath("play-phone.png") });
  const box = await page.getByTestId("hls-video").boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
  await phone.close();
  await host.page.getByRole("button", { name: "End show" }).click();
  await host.context.close();
});
