import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { type CapturedAction, captureAction, replayAction } from "./support/actions";
import { query, tableCounts } from "./support/db";
import { forgetSetting, storeSetting } from "./support/settings";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { login, newUser, userPage } from "./support/users";
import { expectLedgerBalanced, sendGift, topUpFromWallet, walletBalanceOf } from "./support/wallet";

test.setTimeout(240_000);

async function enter(page: Page, roomNumber: number) {
  await page.goto(`/shows/${roomNumber}`);
  await expect(page.locator("[data-testid=member][data-role=host]")).toBeVisible({ timeout: 30_000 });
}

/** An operator account made on the command line (the password on stdin, as an operator would). */
function createOperator(user: { email: string; password: string; name: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "admin:create", "--", "--email", user.email, "--name", user.name], {
      env: { ...process.env, DATABASE_URL: readStack().databaseUrl },
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`admin:create exited with ${code}: ${stderr}`))));
    child.stdin.end(`${user.password}\n`);
  });
}

/** Sends the captured action with changed input from `page`: it must be refused with this message and change nothing. */
async function expectRefused(page: Page, action: CapturedAction, change: Record<string, unknown>, code: string, message: string, email: string) {
  const [before, balance] = [await tableCounts(), await walletBalanceOf(email)];
  const answer = await replayAction(page, action, change);
  expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code, message }) });
  expect(await tableCounts()).toEqual(before);
  expect(await walletBalanceOf(email)).toBe(balance);
}

test("bad gift sends get a clear message and store nothing and broadcast nothing; a burst is rate-limited", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const fan = await userPage(browser, "Tamperer");
  const watcher = await userPage(browser, "Watcher");
  const roomNumber = await goLive(host.page, `Abuse check ${Date.now()}`);
  await topUpFromWallet(fan.page, 300);
  await enter(fan.page, roomNumber);
  await enter(watcher.page, roomNumber);
  const seen = watcher.page.getByTestId("gift-overlay");

  // One real send from the shelf, captured: everything below is that request, tampered with.
  const send = await captureAction(fan.page, () => sendGift(fan.page, { id: "heart", name: "Heart" }));
  await expect(seen).toHaveAttribute("data-seen", "1", { timeout: 10_000 });
  const fresh = () => ({ idempotencyKey: randomUUID() });
  const countMessage = "Choose how many: a whole number from 1 to 999";
  const refuse = (change: Record<string, unknown>, code: string, message: string) =>
    expectRefused(fan.page, send, change, code, message, fan.user.email);

  await refuse({ ...fresh(), giftId: "no-such-gift" }, "NOT_FOUND", "There is no such gift.");
  await query(`INSERT INTO "Gift" (id, name, price, icon, animation, "retiredAt") VALUES ('old-hat', 'Old hat', 5, '/gifts/heart.svg', 'FLOAT', now())`);
  await refuse({ ...fresh(), giftId: "old-hat" }, "GIFT_RETIRED", "The Old hat is no longer available.");
  for (const count of [0, -1, 1.5, 1000]) await refuse({ ...fresh(), count }, "VALIDATION", countMessage);
  await refuse({ ...fresh(), giftId: "crown", count: 66 }, "INSUFFICIENT_FUNDS", "Not enough coins: Crown ×66 costs 66000 coins and you have 299.");
  // The captured key again, for another gift: refused, not charged.
  await refuse({ giftId: "rose" }, "IDEMPOTENCY_CONFLICT", "This send was already made with a different gift. Nothing more was charged.");
  // The host, from their own session, gifting their own show.
  await expectRefused(host.page, send, fresh(), "FORBIDDEN", "You cannot send gifts in your own show.", host.user.email);
  const peek = await host.context.newPage();
  await enter(peek, roomNumber);
  await expect(peek.getByTestId("gift-leaderboard")).toBeVisible();
  await expect(peek.getByTestId("gift-shelf")).toHaveCount(0);
  await peek.close();

  // The same request again, unchanged: the first receipt, nothing more stored or broadcast.
  // (LiveKit's webhooks for the peek page above come when they come, loaded machine or not.)
  const webhookTables = { except: ["ParticipantSession", "WebhookDelivery"] };
  const before = await tableCounts(webhookTables);
  expect(await replayAction(fan.page, send)).toMatchObject({ ok: true, data: { coins: 1, balance: 299 } });
  expect(await tableCounts(webhookTables)).toEqual(before);

  // A real send after all that: the room heard of exactly two gifts (none of the refused ones).
  await sendGift(fan.page, { id: "rose", name: "Rose" });
  await expect(seen).toHaveAttribute("data-seen", "2", { timeout: 10_000 });

  // 40 sends at once (10 per second allowed): those over the limit are refused with the
  // limiter's words, and not charged.
  const balance = await walletBalanceOf(fan.user.email);
  const burst = await Promise.all(Array.from({ length: 40 }, () => replayAction(fan.page, send, fresh())));
  const sent = burst.filter((a) => a.ok).length;
  const limited = burst.filter((a) => !a.ok);
  expect(limited.length).toBeGreaterThanOrEqual(1);
  for (const a of limited) expect(a).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: "Sending gifts too fast. Try again in 1 s." } });
  expect(await walletBalanceOf(fan.user.email)).toBe(balance - sent);

  // The show ends: sending is refused.
  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page.getByRole("heading", { name: "Your show has ended" })).toBeVisible();
  await refuse(fresh(), "SHOW_ENDED", "This show has ended: gifts can no longer be sent.");
  await expectLedgerBalanced();
  for (const c of [host, fan, watcher]) await c.context.close();
});

test("top-ups are refused while the test provider is off; operators grant coins with a reason, nobody else can", async ({ browser }) => {
  const fan = await userPage(browser, "Buyer");

  // A real top-up, captured; then the operator setting turns the test provider off.
  await fan.page.goto("/wallet");
  const topUp = await captureAction(fan.page, () => fan.page.getByRole("button", { name: "Buy 60 coins" }).click());
  await expect(fan.page.getByTestId("wallet-page-balance")).toHaveText("60");
  await storeSetting("testTopUpEnabled", false);
  try {
    await expect(async () => {
      await fan.page.reload();
      await expect(fan.page.getByTestId("top-up-unavailable")).toHaveText("Top-ups are not available on this server right now.", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expectRefused(fan.page, topUp, {}, "FORBIDDEN", "Test top-ups are turned off on this server.", fan.user.email);
  } finally {
    await forgetSetting("testTopUpEnabled");
  }

  // An operator (made on the command line) grants coins from the operators' page.
  const ops = newUser("Ops");
  await createOperator(ops);
  const opsContext = await browser.newContext();
  const opsPage = await opsContext.newPage();
  await login(opsPage, ops);
  await expect(opsPage.getByTestId("current-user")).toHaveText(ops.name);
  await opsPage.getByTestId("wallet-balance").click();
  await opsPage.getByRole("link", { name: "Grant coins (operators)" }).click();
  await expect(opsPage.getByRole("heading", { name: "Grant coins" })).toBeVisible();

  // Bad input first: a clear message, nothing stored.
  const before = await tableCounts();
  await opsPage.getByLabel("Recipient's email").fill("nobody@example.test");
  await opsPage.getByLabel("Number of coins").fill("500");
  await opsPage.getByLabel("Reason").fill("Welcome bonus");
  await opsPage.getByRole("button", { name: "Grant coins" }).click();
  await expect(opsPage.getByTestId("form-error")).toHaveText("There is no account with the email nobody@example.test.");
  await opsPage.getByLabel("Number of coins").fill("0");
  await opsPage.getByRole("button", { name: "Grant coins" }).click();
  await expect(opsPage.getByText("Grant at least 1 coin")).toBeVisible();
  expect(await tableCounts()).toEqual(before);

  await opsPage.getByLabel("Recipient's email").fill(fan.user.email);
  await opsPage.getByLabel("Number of coins").fill("500");
  const grant = await captureAction(opsPage, () => opsPage.getByRole("button", { name: "Grant coins" }).click());
  await expect(opsPage.getByTestId("grant-done")).toHaveText(`Granted 500 coins to ${fan.user.name} (${fan.user.email}); their balance is now 560.`);
  await fan.page.goto("/wallet");
  await expect(fan.page.getByTestId("wallet-page-balance")).toHaveText("560");
  const entry = fan.page.getByTestId("statement-entry").first();
  await expect(entry.getByTestId("entry-memo")).toHaveText("Granted by an operator: Welcome bonus");
  await expect(entry.getByTestId("entry-amount")).toHaveText("+500");
  await expect(entry.getByTestId("entry-balance")).toHaveText("560");

  // The statement is paged: 21 more grants (the operator's request, sent again) make 23 entries,
  // 20 on the first page, newest first; the oldest three on the next, their running balances
  // counted from the very first entry.
  for (let i = 1; i <= 21; i++) expect(await replayAction(opsPage, grant, { amount: i, reason: `Bonus ${i}` })).toMatchObject({ ok: true });
  await fan.page.reload();
  const entries = fan.page.getByTestId("statement-entry");
  await expect(fan.page.getByTestId("wallet-page-balance")).toHaveText("791");
  await expect(entries).toHaveCount(20);
  await expect(entries.first().getByTestId("entry-memo")).toHaveText("Granted by an operator: Bonus 21");
  await expect(entries.first().getByTestId("entry-balance")).toHaveText("791");
  await expect(entries.last().getByTestId("entry-memo")).toHaveText("Granted by an operator: Bonus 2");
  await expect(fan.page.getByText("Page 1 of 2")).toBeVisible();
  await fan.page.getByRole("link", { name: "Older →" }).click();
  await expect(fan.page.getByText("Page 2 of 2")).toBeVisible();
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0).getByTestId("entry-memo")).toHaveText("Granted by an operator: Bonus 1");
  await expect(entries.nth(0).getByTestId("entry-balance")).toHaveText("561");
  await expect(entries.nth(1).getByTestId("entry-balance")).toHaveText("560");
  await expect(entries.nth(2).getByTestId("entry-memo")).toHaveText("Top-up: 60 coins (Test payment (no real money))");
  await expect(entries.nth(2).getByTestId("entry-amount")).toHaveText("+60");
  await expect(entries.nth(2).getByTestId("entry-balance")).toHaveText("60");
  await fan.page.getByRole("link", { name: "← Newer" }).click();
  await expect(fan.page.getByText("Page 1 of 2")).toBeVisible();
  await expect(entries.first().getByTestId("entry-memo")).toHaveText("Granted by an operator: Bonus 21");

  // Not an operator: the dashboard's 403, and the grant itself is refused (403), nothing stored.
  const page = await fan.page.goto("/admin/coins");
  expect(page?.status()).toBe(403);
  await expect(fan.page.getByRole("link", { name: "Grant coins (operators)" })).toHaveCount(0);
  await expectRefused(fan.page, grant, {}, "FORBIDDEN", "Only operators can grant coins.", fan.user.email);
  await expectLedgerBalanced();
  await opsContext.close();
  await fan.context.close();
});
