import { type Page } from "@playwright/test";
import { test } from "./support/test";
import { auditRows, expect, openDashboard, operatorPage } from "./support/admin";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { login, newUser, register, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(300_000);

// Other specs rely on the test profile's defaults (grace 10 s, login limit 10): put them back.
test.afterEach(async () => {
  await query(`DELETE FROM "Setting" WHERE key IN ('hostGraceSeconds', 'rateLimits', 'recordingPartSeconds', 'wordFilter')`);
});

async function saveNumber(page: Page, key: string, value: string, reason = "") {
  const card = page.getByTestId(`setting-${key}`);
  await card.getByRole("spinbutton").fill(value);
  if (reason) await card.getByPlaceholder("Reason (optional)").fill(reason);
  await card.getByRole("button", { name: "Save" }).click();
  return card;
}

test("a grace period change takes effect on the next show, without a restart", async ({ browser }) => {
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Settings");
  const card = await saveNumber(ops.page, "hostGraceSeconds", "40", "hosts on trains drop out longer");
  await expect(card.getByTestId("setting-saved")).toHaveText("Saved: in force within a second.");
  expect(await auditRows(`action = 'setting.update' AND "targetId" = 'hostGraceSeconds'`)).toEqual([
    expect.objectContaining({ reason: "hosts on trains drop out longer", details: { from: 10, to: 40 } }),
  ]);

  // The next show: its host drops out, and the timeout is scheduled 40 s out, not 10.
  const host = await userPage(browser, "Commuter");
  const roomNumber = await goLive(host.page, "On the train");
  const viewer = await userPage(browser, "Waiting");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"), 45_000);
  await host.page.close();
  const away = async () =>
    (await query<{ id: string; awayMs: number | null }>(`SELECT id, extract(epoch FROM "hostAwaySince") * 1000 AS "awayMs" FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]))[0];
  await expect.poll(async () => (await away())?.awayMs ?? null, { timeout: 45_000 }).not.toBeNull();
  const show = (await away())!;
  const awayMs = Number(show.awayMs);
  const [job] = await query<{ runMs: number }>(
    `SELECT extract(epoch FROM run_at) * 1000 AS "runMs" FROM graphile_worker.jobs WHERE key = $1`,
    [`host-timeout:${show.id}`],
  );
  expect(Number(job?.runMs) - awayMs).toBeGreaterThanOrEqual(40_000);
  expect(Number(job?.runMs) - awayMs).toBeLessThan(42_000);
  await expect(viewer.page.getByTestId("host-away")).toBeVisible();

  // Shortened again while the host is away: the show ends within seconds, long before 40 s.
  await saveNumber(ops.page, "hostGraceSeconds", "5");
  await expect(ops.page.getByTestId("setting-hostGraceSeconds").getByTestId("setting-saved")).toBeVisible();
  await expect(viewer.page.getByTestId("show-ended")).toBeVisible({ timeout: 30_000 });
  const [ended] = await query<{ endReason: string; afterMs: number }>(
    `SELECT "endReason"::text, extract(epoch FROM "endedAt") * 1000 - $2::float8 AS "afterMs" FROM "Show" WHERE "roomNumber" = $1`,
    [roomNumber, awayMs],
  );
  expect(ended?.endReason).toBe("HOST_TIMEOUT");
  expect(Number(ended?.afterMs)).toBeGreaterThanOrEqual(5_000);
  expect(Number(ended?.afterMs)).toBeLessThan(38_000);
  await host.context.close();
  await viewer.context.close();
  await ops.context.close();
});

test("invalid settings are refused with a clear message and change nothing", async ({ browser }) => {
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Settings");
  const entriesBefore = (await auditRows()).length;

  const cases: [string, string, string][] = [
    ["hostGraceSeconds", "-5", "At least 5 seconds"],
    ["recordingPartSeconds", "5", "At least 10 seconds"],
    ["pushChannelLimit", "2.5", "Enter a whole number"],
    ["hlsRetentionHours", "", "Enter a number"],
  ];
  for (const [key, value, message] of cases) {
    const card = await saveNumber(ops.page, key, value);
    await expect(card.getByTestId("form-error")).toHaveText(message);
  }

  const words = ops.page.getByTestId("setting-wordFilter");
  await words.getByRole("textbox").first().fill(`fine\n${"x".repeat(41)}`);
  await words.getByRole("button", { name: "Save" }).click();
  await expect(words.getByTestId("form-error")).toHaveText("1: A word must be at most 40 characters");

  const limits = ops.page.getByTestId("setting-rateLimits");
  await limits.getByLabel("show.token uses").fill("0");
  await limits.getByRole("button", { name: "Save rate limits" }).click();
  await expect(limits.getByTestId("form-error")).toHaveText("show.token points: must be at least 1");

  expect(await query(`SELECT key FROM "Setting"`)).toEqual([]);
  expect((await auditRows()).length).toBe(entriesBefore);
  await ops.context.close();
});

test("rate limits are a setting: an operator lowers the login limit and it applies at once", async ({ browser, page }) => {
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Settings");
  const limits = ops.page.getByTestId("setting-rateLimits");
  await expect(limits.getByLabel("login.account uses")).toHaveValue("10");
  await limits.getByLabel("login.account uses").fill("3");
  await limits.getByPlaceholder("Reason (optional)").fill("credential stuffing wave");
  await limits.getByRole("button", { name: "Save rate limits" }).click();
  await expect(limits.getByTestId("setting-saved")).toBeVisible();
  const [entry] = await auditRows(`"targetId" = 'rateLimits'`);
  expect(entry?.details).toMatchObject({ to: { "login.account": { points: 3 } } });

  const user = newUser("Guessed");
  await register(page, user);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  const wrong = { email: user.email, password: `${user.password}-wrong` };
  for (let attempt = 1; attempt <= 3; attempt++) {
    await login(page, wrong);
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  }
  await login(page, wrong);
  await expect(page.getByTestId("form-error")).toHaveText(/^Too many login attempts\. Try again in \d+ s\.$/);
  await ops.context.close();
});
