import { type Page } from "@playwright/test";
import { test } from "./support/test";
import { auditRows, expect, openDashboard, operatorPage, userIdOf } from "./support/admin";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { type TestUser, login, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(300_000);

/** Dashboard → Users → search → the user's page. */
async function openUser(page: Page, user: TestUser) {
  await openDashboard(page, "Users");
  await page.getByLabel("Search users").fill(user.email);
  const row = page.getByTestId("user-row");
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: user.name }).click();
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
}

test("a viewer banned while watching is removed from the room, logged out and cannot log in; unban restores", async ({ browser }) => {
  const host = await userPage(browser, "Anchor");
  const roomNumber = await goLive(host.page, "Ban watch");
  const viewer = await userPage(browser, "Troll");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"), 45_000);
  await expect(host.page.getByTestId("viewer-count")).toHaveText("1", { timeout: 10_000 });

  const ops = await operatorPage(browser);
  await openUser(ops.page, viewer.user);
  const panel = ops.page.getByTestId("ban-panel");
  await panel.getByRole("button", { name: "Ban…" }).click();
  await panel.getByLabel("Reason").fill("Harassing the host");
  await panel.getByRole("button", { name: "Ban now" }).click();
  await expect(panel.getByTestId("ban-state")).toHaveText("Banned until lifted: Harassing the host");
  await expect(ops.page.getByTestId("badge-banned")).toBeVisible();

  // Out of the room at once: their page says so, the host's count drops.
  await expect(viewer.page.getByTestId("removed-from-show")).toBeVisible({ timeout: 15_000 });
  await expect(host.page.getByTestId("viewer-count")).toHaveText("0", { timeout: 20_000 });

  // Logged out: the session no longer works, for pages and for the API.
  await viewer.page.reload();
  await expect(viewer.page.getByTestId("current-user")).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  expect((await viewer.page.request.post(`/api/shows/${roomNumber}/token`)).status()).toBe(401);
  await viewer.page.goto("/studio");
  await expect(viewer.page).toHaveURL(/\/login\?callbackUrl=%2Fstudio/);

  // And cannot log back in: the right password gets the ban's terms.
  await login(viewer.page, viewer.user);
  await expect(viewer.page.getByTestId("form-error")).toHaveText("This account is banned: Harassing the host");
  await expect(viewer.page.getByTestId("current-user")).toHaveCount(0);
  // A wrong password still only says that (a ban is no hint that the account exists).
  await login(viewer.page, { email: viewer.user.email, password: `${viewer.user.password}-nope` });
  await expect(viewer.page.getByTestId("form-error")).toHaveText("Wrong email or password.");

  const viewerId = await userIdOf(viewer.user.email);
  const opsId = await userIdOf(ops.user.email);
  expect(await auditRows(`action = 'user.ban' AND "targetId" = $1`, [viewerId])).toEqual([
    expect.objectContaining({ actorId: opsId, targetType: "user", reason: "Harassing the host" }),
  ]);

  // Unban: the account logs in again and watches.
  await panel.getByRole("button", { name: "Lift the ban…" }).click();
  await panel.getByRole("button", { name: "Lift the ban" }).click();
  await expect(ops.page.getByTestId("badge-banned")).toHaveCount(0);
  await login(viewer.page, viewer.user);
  await expect(viewer.page.getByTestId("current-user")).toHaveText(viewer.user.name);
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"), 45_000);
  expect(await auditRows(`action = 'user.unban' AND "targetId" = $1`, [viewerId])).toHaveLength(1);

  // The user's page lists their history in the audit log.
  await ops.page.reload();
  await expect(ops.page.getByTestId("audit-row")).toHaveCount(2);

  for (const c of [host, viewer, ops]) await c.context.close();
});

test("a banned host's show ends; a ban with an end date ends by itself", async ({ browser }) => {
  const host = await userPage(browser, "BannedHost");
  const roomNumber = await goLive(host.page, "About to be banned");
  const ops = await operatorPage(browser);
  await openUser(ops.page, host.user);
  const panel = ops.page.getByTestId("ban-panel");
  await panel.getByRole("button", { name: "Ban…" }).click();
  await panel.getByLabel("Reason").fill("Cooling off");
  const until = new Date(Date.now() + 2 * 86_400_000);
  const local = new Date(until.getTime() - until.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await panel.getByLabel("Ban ends (optional)").fill(local);
  await panel.getByRole("button", { name: "Ban now" }).click();
  await expect(panel.getByTestId("ban-state")).toContainText("Banned until");

  // Banned while live: the show ends (by an operator) and the studio is gone.
  await expect
    .poll(async () => (await query<{ endReason: string | null }>(`SELECT "endReason"::text FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]))[0]?.endReason, {
      timeout: 15_000,
    })
    .toBe("OPERATOR");
  const hostId = await userIdOf(host.user.email);
  const [entry] = await auditRows(`action = 'user.ban' AND "targetId" = $1`, [hostId]);
  expect(entry?.details).toMatchObject({ endedRoomNumber: roomNumber });

  await login(host.page, host.user);
  await expect(host.page.getByTestId("form-error")).toHaveText(/^This account is banned until .+: Cooling off$/);
  // Two days later (the clock moved on in the database): the ban has run out.
  await query(`UPDATE "User" SET "bannedUntil" = now() - interval '1 second' WHERE id = $1`, [hostId]);
  await login(host.page, host.user);
  await expect(host.page.getByTestId("current-user")).toHaveText(host.user.name);

  for (const c of [host, ops]) await c.context.close();
});

test("mute site-wide and unmute, audited", async ({ browser }) => {
  const chatty = await userPage(browser, "Chatty");
  const ops = await operatorPage(browser);
  await openUser(ops.page, chatty.user);
  const panel = ops.page.getByTestId("mute-panel");
  await panel.getByRole("button", { name: "Mute site-wide…" }).click();
  await panel.getByRole("button", { name: "Mute now" }).click();
  await expect(panel.getByTestId("form-error")).toHaveText("Give a reason (it goes into the audit log)");
  await panel.getByLabel("Reason").fill("Spamming links");
  await panel.getByRole("button", { name: "Mute now" }).click();
  await expect(panel.getByTestId("mute-state")).toHaveText("Muted site-wide until lifted");
  const id = await userIdOf(chatty.user.email);
  const [muted] = await query<{ mutedAt: Date | null }>(`SELECT "mutedAt" FROM "User" WHERE id = $1`, [id]);
  expect(muted?.mutedAt).not.toBeNull();
  // Muted, not banned: they stay logged in.
  await chatty.page.reload();
  await expect(chatty.page.getByTestId("current-user")).toHaveText(chatty.user.name);

  await panel.getByRole("button", { name: "Unmute…" }).click();
  await panel.getByRole("button", { name: "Unmute" }).click();
  await expect(panel.getByRole("button", { name: "Mute site-wide…" })).toBeVisible();
  expect((await auditRows(`"targetId" = $1`, [id])).map((e) => e.action)).toEqual(["user.mute", "user.unmute"]);
  for (const c of [chatty, ops]) await c.context.close();
});

test("operators promote and demote; banning an operator is allowed; the last operator cannot step down", async ({ browser }) => {
  const first = await operatorPage(browser, "FirstOps");
  const firstId = await userIdOf(first.user.email);
  // This test needs to know who the operators are: the earlier tests' operators step aside.
  await query(`UPDATE "User" SET role = 'USER' WHERE role = 'OPERATOR' AND id <> $1`, [firstId]);

  // Alone, the operator cannot step down.
  await openUser(first.page, first.user);
  const role = first.page.getByTestId("role-panel");
  await role.getByRole("button", { name: "Step down as operator…" }).click();
  await role.getByRole("button", { name: "Remove operator role" }).click();
  await expect(role.getByTestId("form-error")).toHaveText("You are the last operator: make someone else an operator before stepping down.");
  expect((await query<{ role: string }>(`SELECT role::text FROM "User" WHERE id = $1`, [firstId]))[0]?.role).toBe("OPERATOR");
  expect(await auditRows(`action = 'user.demote' AND "targetId" = $1`, [firstId])).toHaveLength(0);

  // They make someone else an operator, who then has the dashboard.
  const second = await userPage(browser, "SecondOps");
  await expect(second.page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  await openUser(first.page, second.user);
  await first.page.getByTestId("role-panel").getByRole("button", { name: "Make operator…" }).click();
  await first.page.getByTestId("role-panel").getByRole("button", { name: "Make operator" }).click();
  await expect(first.page.getByTestId("badge-operator")).toBeVisible();
  await second.page.reload();
  await expect(second.page.getByRole("link", { name: "Dashboard" })).toBeVisible();

  // The new operator bans the first one (allowed), who is logged out.
  await openUser(second.page, first.user);
  const ban = second.page.getByTestId("ban-panel");
  await ban.getByRole("button", { name: "Ban…" }).click();
  await ban.getByLabel("Reason").fill("Account compromised");
  await ban.getByRole("button", { name: "Ban now" }).click();
  await expect(ban.getByTestId("ban-state")).toContainText("Account compromised");
  await first.page.goto("/admin");
  await expect(first.page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);

  // A banned operator does not count: the second one is now the last and cannot step down.
  await openUser(second.page, second.user);
  const own = second.page.getByTestId("role-panel");
  await own.getByRole("button", { name: "Step down as operator…" }).click();
  await own.getByRole("button", { name: "Remove operator role" }).click();
  await expect(own.getByTestId("form-error")).toHaveText(/last operator/);

  // The first one, unbanned and demoted by the second, loses the dashboard (403).
  await openUser(second.page, first.user);
  await second.page.getByTestId("ban-panel").getByRole("button", { name: "Lift the ban…" }).click();
  await second.page.getByTestId("ban-panel").getByRole("button", { name: "Lift the ban" }).click();
  await second.page.getByTestId("role-panel").getByRole("button", { name: "Remove operator role…" }).click();
  await second.page.getByTestId("role-panel").getByRole("button", { name: "Remove operator role" }).click();
  await expect(second.page.getByTestId("badge-operator")).toHaveCount(0);
  await login(first.page, first.user);
  await expect(first.page.getByTestId("current-user")).toHaveText(first.user.name);
  await expect(first.page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const response = await first.page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(first.page.getByTestId("forbidden")).toBeVisible();

  const secondId = await userIdOf(second.user.email);
  expect((await auditRows(`"targetId" IN ($1, $2) AND action LIKE 'user.%'`, [firstId, secondId])).map((e) => e.action)).toEqual([
    "user.promote",
    "user.ban",
    "user.unban",
    "user.demote",
  ]);
  for (const c of [first, second]) await c.context.close();
});
