import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query, tableCounts } from "./support/db";
import { exhaustLimit, userIdOf } from "./support/rate-limits";
import { goLive } from "./support/studio";
import { fillRegister, login, newUser, register, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

// The test profile shortens the per-account login block to 10 s (scripts/stack/profile.ts);
// the limit itself (10 attempts a minute) is the production one.
test("the 11th login attempt in a window is refused with 'try again in N s'; the right password works after it", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const user = newUser("Limited");
  await register(page, user);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  const wrong = { email: user.email, password: `${user.password}-wrong` };
  for (let attempt = 1; attempt <= 10; attempt++) {
    await login(page, wrong);
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  }

  // The 11th is refused before the password is looked at: even the right one.
  const refused = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await login(page, user);
  const response = await refused;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByTestId("form-error")).toHaveText(/^Too many login attempts\. Try again in \d+ s\.$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  // Another account from the same browser is not blocked by this account's limit.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await register(otherPage, newUser("Unlimited"));
  await other.close();

  // After the block, the right password works again.
  const seconds = Number(response.headers()["retry-after"]);
  await page.waitForTimeout((seconds + 1) * 1000);
  await login(page, user);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
});

test("an account that goes over the limit again is blocked for twice as long", async ({ page }) => {
  test.setTimeout(150_000);
  const user = newUser("Again");
  await register(page, user);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  const wrong = { email: user.email, password: `${user.password}-wrong` };
  const overTheLimit = async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      await login(page, wrong);
      await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
    }
    const refused = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await login(page, wrong);
    const response = await refused;
    expect(response.status()).toBe(429);
    await expect(page.getByTestId("form-error")).toHaveText(/^Too many login attempts\. Try again in \d+ s\.$/);
    return Number(response.headers()["retry-after"]);
  };
  const first = await overTheLimit();
  await page.waitForTimeout((first + 1) * 1000);
  const second = await overTheLimit();
  // test profile: 10 s, then 20 s (production: 1 min, 2 min, … up to 1 h)
  expect(first).toBeLessThanOrEqual(10);
  expect(second).toBeGreaterThan(first);
  expect(second).toBeGreaterThanOrEqual(15);
});

test("logins and registrations are limited per client address, before any password is checked", async ({ browser }) => {
  const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  const user = newUser("FromNet");
  const local = await browser.newContext();
  await register(await local.newPage(), user);
  await local.close();

  // The test profile raises per-IP limits (every test browser is 127.0.0.1); this address has used its share.
  await exhaustLimit("login.ip", address);
  await exhaustLimit("register.ip", address);
  const remote = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await remote.newPage();
  await login(page, user);
  await expect(page.getByTestId("form-error")).toHaveText(/^Too many login attempts from your network\. Try again in \d+ s\.$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  const newcomer = newUser("Newcomer");
  await fillRegister(page, newcomer);
  await expect(page.getByTestId("form-error")).toHaveText(/^Too many new accounts from your network\. Try again in \d+ s\.$/);
  expect(await query(`SELECT id FROM "User" WHERE email = $1`, [newcomer.email])).toHaveLength(0);
  await remote.close();

  // Another address is not affected.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, user);
  await expect(otherPage.getByTestId("current-user")).toHaveText(user.name);
  await other.close();
});

test("going live, cover uploads and joining a show are limited per user", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await userPage(browser, "Eager");
  // A second studio tab, opened before the first one goes live, keeps its Go live form.
  const second = await host.context.newPage();
  await second.goto("/studio");
  await expectVideoPlaying(second.getByTestId("camera-preview"));
  const roomNumber = await goLive(host.page, `Limited show ${Date.now()}`);

  // 6 go-lives a minute: the first went live, the next five are "already live", the 7th is refused.
  const goLiveButton = second.getByRole("button", { name: "Go live", exact: true });
  await second.getByLabel("Title").fill("Once more");
  for (let attempt = 2; attempt <= 6; attempt++) {
    await goLiveButton.click();
    await expect(goLiveButton).toBeEnabled();
    await expect(second.getByTestId("form-error")).toContainText("You are already live");
  }
  await goLiveButton.click();
  await expect(second.getByTestId("form-error")).toHaveText(/^Going live too often\. Try again in \d+ s\.$/);

  // Covers: 10 per 10 minutes (checked before the image is decoded).
  const uploader = await userPage(browser, "Uploader");
  await exhaustLimit("show.cover-upload", await userIdOf(uploader.user.email));
  await uploader.page.goto("/studio");
  await expectVideoPlaying(uploader.page.getByTestId("camera-preview"));
  const before = await tableCounts({ except: ["User"] });
  await uploader.page.getByLabel("Title").fill("With a cover");
  await uploader.page.getByLabel("Cover image (optional)").setInputFiles({ name: "c.png", mimeType: "image/png", buffer: Buffer.from("png?") });
  await uploader.page.getByRole("button", { name: "Go live", exact: true }).click();
  await expect(uploader.page.getByTestId("form-error")).toHaveText(/^Uploading covers too often\. Try again in \d+ s\.$/);
  expect(await tableCounts({ except: ["User"] })).toEqual(before);

  // The token route: 30 viewer connections a minute per user, then 429 with the same message style.
  const viewer = await userPage(browser, "Hopper");
  const statuses: number[] = [];
  let refusal: { status: number; retryAfter: string | undefined; body: unknown } | undefined;
  for (let i = 0; i < 31; i++) {
    const response = await viewer.page.request.post(`/api/shows/${roomNumber}/token`);
    statuses.push(response.status());
    if (response.status() === 429) refusal = { status: 429, retryAfter: response.headers()["retry-after"], body: await response.json() };
  }
  expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
  expect(statuses[30]).toBe(429);
  expect(Number(refusal?.retryAfter)).toBeGreaterThan(0);
  expect(refusal?.body).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/^Joining shows too often\. Try again in \d+ s\.$/) } });

  await viewer.context.close();
  await uploader.context.close();
  await host.context.close();
});
