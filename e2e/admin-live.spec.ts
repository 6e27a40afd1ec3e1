import { test } from "./support/test";
import { auditRows, expect, openDashboard, operatorPage, userIdOf } from "./support/admin";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { newUser, register, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(300_000);

test("the live monitor shows a live show with a hidden tile, updates by itself, and an operator ends the show", async ({ browser }) => {
  const host = await userPage(browser, "Streamer");
  const title = `Under review ${Date.now()}`;
  const roomNumber = await goLive(host.page, title);
  const viewer = await userPage(browser, "Fan");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"), 45_000);
  await expect(host.page.getByTestId("viewer-count")).toHaveText("1", { timeout: 10_000 });

  // The operator finds the dashboard from the header.
  const ops = await operatorPage(browser);
  await openDashboard(ops.page);
  const tile = ops.page.locator(`[data-testid=monitor-tile][data-room-number="${roomNumber}"]`);
  await expect(tile).toContainText(title);
  await expect(tile).toContainText(host.user.name);
  await expect(tile).toContainText(`room ${roomNumber}`);
  await expect(tile.getByTestId("monitor-viewers")).toHaveText("1");
  await expect(tile.getByTestId("monitor-live-for")).toHaveText(/^\d+ (s|min)$/);
  await expectVideoPlaying(tile.getByTestId("monitor-video"), 45_000);

  // The tile watches hidden: nobody sees the operator in the room, nobody counts them.
  await expect(viewer.page.getByTestId("member")).toHaveCount(2);
  await expect(viewer.page.getByTestId("member-list")).not.toContainText(ops.user.name);
  await expect(host.page.getByTestId("viewer-count")).toHaveText("1");
  const opsId = await userIdOf(ops.user.email);
  expect(await query(`SELECT id FROM "ParticipantSession" WHERE "userId" = $1`, [opsId])).toHaveLength(0);

  // It updates by itself: a second viewer arrives, the tile says so without a reload.
  const late = await userPage(browser, "Late");
  await late.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(late.page.getByTestId("host-video"), 45_000);
  await expect(tile.getByTestId("monitor-viewers")).toHaveText("2", { timeout: 15_000 });

  // Ending needs a reason; without one nothing happens.
  await tile.getByRole("button", { name: "End show…" }).click();
  await tile.getByRole("button", { name: "End show now" }).click();
  await expect(tile.getByTestId("form-error")).toHaveText("Give a reason (it goes into the audit log)");
  const [stillLive] = await query<{ status: string }>(`SELECT status::text FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]);
  expect(stillLive?.status).toBe("LIVE");

  await tile.getByLabel("Reason").fill("Spam stream");
  await tile.getByRole("button", { name: "End show now" }).click();
  await expect(tile).toHaveCount(0, { timeout: 10_000 });

  // Everyone in the room is told who ended it.
  for (const page of [viewer.page, late.page]) {
    await expect(page.getByTestId("show-ended")).toContainText("This show was ended by an operator", { timeout: 15_000 });
  }
  await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`), { timeout: 15_000 });
  await expect(host.page.getByTestId("ended-by-operator")).toBeVisible();
  await viewer.page.reload();
  await expect(viewer.page.getByTestId("show-ended")).toContainText("ended by an operator");

  const [show] = await query<{ id: string; status: string; endReason: string }>(
    `SELECT id, status::text, "endReason"::text FROM "Show" WHERE "roomNumber" = $1`,
    [roomNumber],
  );
  expect(show).toMatchObject({ status: "ENDED", endReason: "OPERATOR" });
  const entries = await auditRows(`action = 'show.end' AND "targetId" = $1`, [show!.id]);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actorId: opsId, targetType: "show", targetLabel: `room ${roomNumber}: ${title}`, reason: "Spam stream" });

  // The audit log finds it, and says who did it and why.
  await openDashboard(ops.page, "Audit log");
  await ops.page.getByLabel("Search the audit log").fill(`room ${roomNumber}`);
  await ops.page.getByRole("button", { name: "Search" }).click();
  const row = ops.page.getByTestId("audit-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("audit-actor")).toHaveText(ops.user.name);
  await expect(row.getByTestId("audit-reason")).toHaveText("Spam stream");
  await expect(row).toContainText("Ended a show");

  // Nobody can rewrite history: the database refuses changes to the log.
  await expect(query(`UPDATE "AuditEntry" SET reason = 'nothing happened'`)).rejects.toThrow(/cannot be changed or deleted/);
  await expect(query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/cannot be changed or deleted/);
  await expect(query(`TRUNCATE "AuditEntry" CASCADE`)).rejects.toThrow(/cannot be changed or deleted/);
  expect(await auditRows(`"targetId" = $1`, [show!.id])).toHaveLength(1);

  for (const c of [host, viewer, late, ops]) await c.context.close();
});

test("a viewer's page ended by an operator, on a phone", async ({ browser }) => {
  const host = await userPage(browser, "Tiny");
  const roomNumber = await goLive(host.page, "Phone check");
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await register(page, newUser("Pocket"));
  await page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(page.getByTestId("host-video"), 45_000);

  const ops = await operatorPage(browser, "OpsPhone");
  await openDashboard(ops.page);
  const tile = ops.page.locator(`[data-testid=monitor-tile][data-room-number="${roomNumber}"]`);
  await tile.getByRole("button", { name: "End show…" }).click();
  await tile.getByLabel("Reason").fill("Checking the phone layout");
  await tile.getByRole("button", { name: "End show now" }).click();
  await expect(page.getByTestId("show-ended")).toContainText("ended by an operator", { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath("ended-by-operator-phone.png") });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const c of [host, ops]) await c.context.close();
  await phone.close();
});
