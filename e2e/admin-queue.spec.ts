import { test } from "./support/test";
import { auditRows, expect, openDashboard, operatorPage, userIdOf } from "./support/admin";
import { chatLine, expectChatMessage, sayInChat, sendChat } from "./support/chat";
import { query, tableCounts } from "./support/db";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(300_000);

type StoredReport = { status: string; outcome: string | null; handledById: string | null };

async function reportsAbout(text: string): Promise<StoredReport[]> {
  return query<StoredReport>(
    `SELECT r.status::text AS status, r.outcome::text AS outcome, r."handledById" FROM "Report" r JOIN "ChatMessage" m ON m.id = r."messageId" WHERE m.text = $1`,
    [text],
  );
}

test("a report flows from a viewer's click to the queue to an action: delete the message, then mute its author", async ({ browser }) => {
  const host = await userPage(browser, "Stage");
  const roomNumber = await goLive(host.page, "Reported");
  const troll = await userPage(browser, "Spammer");
  const witness = await userPage(browser, "Witness");
  for (const u of [troll, witness]) await u.page.goto(`/shows/${roomNumber}`);

  await sayInChat(troll.page, "hello all");
  await sayInChat(troll.page, "cheap coins at spam.example");
  await expectChatMessage(witness.page, "cheap coins at spam.example");

  // The witness reports the message from the room.
  await chatLine(witness.page, "cheap coins at spam.example").click();
  await witness.page.getByRole("button", { name: "Report message" }).click();
  const dialog = witness.page.getByTestId("report-dialog");
  await dialog.getByLabel("Spam").check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByTestId("report-thanks")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();

  // The operator finds it in the queue, in context, and deletes the message.
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Reports");
  const report = ops.page.getByTestId("report").filter({ hasText: "Message by Spammer" });
  await expect(report).toHaveCount(1);
  await expect(report.getByTestId("reported-message")).toContainText("cheap coins at spam.example");
  await expect(report.getByTestId("report-context")).toContainText("hello all");
  await expect(report).toContainText("reported by Witness");
  await report.getByRole("button", { name: "Delete the message…" }).click();
  await report.getByLabel("Reason").fill("Advertising");
  await report.getByRole("button", { name: "Delete the message", exact: true }).click();
  await expect(report).toHaveCount(0);

  // Gone from the room for everyone; the report says who handled it and how.
  for (const page of [witness.page, troll.page, host.page]) await expect(chatLine(page, "cheap coins at spam.example")).toHaveCount(0);
  const opsId = await userIdOf(ops.user.email);
  expect(await reportsAbout("cheap coins at spam.example")).toEqual([{ status: "RESOLVED", outcome: "MESSAGE_DELETED", handledById: opsId }]);
  await ops.page.getByRole("navigation", { name: "Report status" }).getByRole("link", { name: "Acted on" }).click();
  const handled = ops.page.getByTestId("report").filter({ hasText: "Message by Spammer" });
  await expect(handled.getByTestId("report-handled")).toContainText(`${ops.user.name} deleted the message`);
  await expect(handled.getByTestId("reported-message")).toContainText("(deleted)");
  const [entry] = await auditRows(`action = 'message.delete'`);
  expect(entry).toMatchObject({ actorId: opsId, targetType: "message", reason: "Advertising" });

  // A second report of the same author: this time the operator mutes them site-wide.
  await sayInChat(troll.page, "more spam.example");
  await chatLine(witness.page, "more spam.example").click();
  await witness.page.getByRole("button", { name: "Report message" }).click();
  await dialog.getByLabel("Spam").check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByTestId("report-thanks")).toBeVisible();
  await ops.page.getByRole("navigation", { name: "Report status" }).getByRole("link", { name: "Open" }).click();
  const second = ops.page.getByTestId("report").filter({ hasText: "more spam.example" });
  await second.getByRole("button", { name: "Mute the user site-wide…" }).click();
  await second.getByLabel("Reason").fill("Repeat spam");
  await second.getByRole("button", { name: "Mute the user site-wide", exact: true }).click();
  await expect(second).toHaveCount(0);
  expect(await reportsAbout("more spam.example")).toEqual([{ status: "RESOLVED", outcome: "USER_MUTED", handledById: opsId }]);

  // The muted author's next message is refused by the server, and nobody sees it.
  await sendChat(troll.page, "can you hear me");
  await expect(chatLine(troll.page, "can you hear me").getByTestId("chat-refused")).toContainText("You are muted on Suixin");
  await expect(chatLine(witness.page, "can you hear me")).toHaveCount(0);
  const trollId = await userIdOf(troll.user.email);
  expect(await auditRows(`action = 'user.mute' AND "targetId" = $1`, [trollId])).toEqual([
    expect.objectContaining({ actorId: opsId, reason: "Repeat spam", details: expect.objectContaining({ reportId: expect.any(String) }) }),
  ]);
});

test("gift catalog: a price of 0 is refused and stores nothing; a new gift reaches the shelf, is repriced and retired", async ({ browser }) => {
  const host = await userPage(browser, "Giftee");
  const roomNumber = await goLive(host.page, "Catalog");
  const viewer = await userPage(browser, "Shopper");
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Gifts");

  const form = ops.page.getByTestId("new-gift-form");
  await form.getByLabel("Id").fill("lollipop");
  await form.getByLabel("Name").fill("Lollipop");
  await form.getByLabel("Price (coins)").fill("0");
  const before = await tableCounts();
  const giftsBefore = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Gift"`);
  await form.getByRole("button", { name: "Add gift" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("A price must be at least 1 coin");
  expect(await tableCounts()).toEqual(before);
  expect(await query(`SELECT count(*)::int AS n FROM "Gift"`)).toEqual(giftsBefore);

  await form.getByLabel("Price (coins)").fill("5");
  await form.getByRole("button", { name: "Add gift" }).click();
  const row = ops.page.locator('[data-testid="catalog-gift"][data-gift-id="lollipop"]');
  await expect(row.getByTestId("gift-price")).toHaveText("5 coins");

  await viewer.page.goto(`/shows/${roomNumber}`);
  await expect(viewer.page.getByTestId("gift-lollipop")).toContainText("5", { timeout: 30_000 });

  // Repriced: 0 refused on edit too, 7 saved.
  const edit = ops.page.getByTestId("gift-form-lollipop");
  await edit.getByLabel("Price (coins)").fill("0");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByTestId("form-error")).toHaveText("A price must be at least 1 coin");
  await edit.getByLabel("Price (coins)").fill("7");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("gift-price")).toHaveText("7 coins");
  await expect.poll(async () => (await query<{ price: number }>(`SELECT price FROM "Gift" WHERE id = 'lollipop'`))[0]?.price).toBe(7);

  // Retired: off the shelf (after the catalog's one-second cache), kept in the catalog.
  await row.getByRole("button", { name: "Retire…" }).click();
  await row.getByRole("button", { name: "Retire", exact: true }).click();
  await expect(row).toContainText("retired");
  await expect(async () => {
    await viewer.page.reload();
    await expect(viewer.page.getByTestId("gift-shelf")).toBeVisible({ timeout: 20_000 });
    await expect(viewer.page.getByTestId("gift-lollipop")).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
  const opsId = await userIdOf(ops.user.email);
  expect((await auditRows(`"targetType" = 'gift'`)).map((e) => [e.action, e.actorId])).toEqual([
    ["gift.create", opsId],
    ["gift.update", opsId],
    ["gift.retire", opsId],
  ]);
});

test("outputs, recordings and numbers are reachable from the dashboard's navigation", async ({ browser }) => {
  const ops = await operatorPage(browser);
  for (const section of ["Outputs", "Recordings", "Numbers"] as const) await openDashboard(ops.page, section);
  await expect(ops.page.getByTestId("chart-gift-revenue")).toBeVisible();
  await openDashboard(ops.page, "Outputs");
  await ops.page.getByRole("navigation", { name: "Output filter" }).getByRole("link", { name: "Stuck" }).click();
  await expect(ops.page).toHaveURL(/filter=stuck/);
});
