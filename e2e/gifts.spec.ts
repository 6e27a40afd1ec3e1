import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { z } from "zod";
import { isActionRequest } from "./support/actions";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { newUser, register, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";
import { forgetSetting, storeSetting } from "./support/settings";
import { expectLedgerBalanced, headerBalance, sendGift, topUpFromWallet, walletBalanceOf } from "./support/wallet";

test.setTimeout(240_000);

const ROSE = { id: "rose", name: "Rose" };
const HEART = { id: "heart", name: "Heart" };
const CROWN = { id: "crown", name: "Crown" };

async function watch(page: Page, roomNumber: number) {
  await page.goto("/");
  await page.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/shows/${roomNumber}$`), { timeout: 20_000 });
  await expectVideoPlaying(page.getByTestId("host-video"), 30_000); // the shared machine can be very loaded
}

/** In the room (connected: the host is listed), without waiting for video. */
async function enter(page: Page, roomNumber: number) {
  await page.goto(`/shows/${roomNumber}`);
  await expect(page.locator("[data-testid=member][data-role=host]")).toBeVisible({ timeout: 30_000 });
}

/** A request body as JSON, or undefined (a form post, say). */
function parseJson(body: string | null): unknown {
  try {
    return JSON.parse(body ?? "");
  } catch {
    return undefined;
  }
}

function floatingGift(page: Page, giftId: string) {
  return page.locator(`[data-testid=gift-float][data-gift="${giftId}"]`);
}

test("a viewer tops up and sends gifts: every page in the room sees them, boards and balances are right on both sides", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const fan = await userPage(browser, "Fan");
  const watcher = await userPage(browser, "Watcher");
  const roomNumber = await goLive(host.page, `Gift night ${Date.now()}`);
  // Two clicks on this loaded machine can be more than the default 5 s apart: a longer combo window.
  await storeSetting("giftComboSeconds", 60);

  // Top up from the header's balance, with the clearly labelled test provider.
  await expect(headerBalance(fan.page)).toHaveText("0");
  await topUpFromWallet(fan.page, 300);
  await expect(headerBalance(fan.page)).toHaveText("300");
  await expect(fan.page.getByTestId("wallet-page-balance")).toHaveText("300");
  await expect(fan.page.getByTestId("statement-entry").first()).toContainText("Top-up: 300 coins (Test payment (no real money))");

  await watch(fan.page, roomNumber);
  await watch(watcher.page, roomNumber);

  // Rose ×10: everyone in the room sees it fly, with the sender's name; the boards move.
  await sendGift(fan.page, ROSE, 10);
  await expect(headerBalance(fan.page)).toHaveText("210");
  // (All pages at once: a bubble lives a few seconds from when its page heard of the gift.)
  await Promise.all(
    [fan.page, watcher.page, host.page].map(async (page) => {
      await expect(floatingGift(page, "rose")).toContainText(fan.user.name, { timeout: 10_000 });
      await expect(floatingGift(page, "rose")).toContainText("sent Rose ×10");
      const row = page.locator(`[data-testid=leaderboard-row][data-user-id]`, { hasText: fan.user.name });
      await expect(row.getByTestId("leaderboard-coins")).toHaveText("90");
      await expect(page.getByTestId("show-gift-totals")).toHaveText("10 gifts · 90 coins");
    }),
  );
  await expect(host.page.getByTestId("show-earnings")).toHaveText("90", { timeout: 10_000 });

  // The same gift again within a few seconds: a combo counter.
  await sendGift(fan.page, HEART);
  await sendGift(fan.page, HEART);
  await expect(watcher.page.locator("[data-testid=gift-float][data-gift=heart] [data-testid=gift-combo]")).toHaveText("×2");
  await forgetSetting("giftComboSeconds");
  await expect(headerBalance(fan.page)).toHaveText("208");

  // Not enough coins for a crown: a clear message, a top-up button right there, nothing charged.
  await sendGift(fan.page, CROWN);
  const shelf = fan.page.getByTestId("gift-shelf");
  await expect(shelf.getByTestId("form-error")).toHaveText("Not enough coins: Crown ×1 costs 1000 coins and you have 208.");
  expect(await walletBalanceOf(fan.user.email)).toBe(208);
  await shelf.getByRole("button", { name: "Top up" }).click();
  await shelf.getByRole("button", { name: "Buy 1000 coins" }).click();
  await expect(headerBalance(fan.page)).toHaveText("1,208");
  await expect(shelf.getByTestId("form-error")).toHaveCount(0);
  await sendGift(fan.page, CROWN);
  await expect(headerBalance(fan.page)).toHaveText("208");
  // A big gift plays full-screen, for a few seconds.
  await expect(watcher.page.locator("[data-testid=gift-fullscreen][data-gift=crown]")).toContainText(`${fan.user.name} sent Crown ×1`);
  await expect(watcher.page.locator("[data-testid=gift-fullscreen]")).toHaveCount(0, { timeout: 10_000 });
  await expect(watcher.page.getByTestId("show-gift-totals")).toHaveText("13 gifts · 1,092 coins");
  await expect(host.page.getByTestId("show-earnings")).toHaveText("1,092", { timeout: 10_000 });

  // The room list card shows the show's gifts and their value.
  const list = await watcher.context.newPage();
  await list.goto("/");
  const card = list.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`);
  await expect(card.getByTestId("card-gifts")).toHaveText("13");
  await expect(card.getByTestId("card-gift-coins")).toHaveText("1092");
  await list.close();

  // The fan's statement: every entry, newest first, with the balance after it.
  await fan.page.goto("/wallet");
  const entries = fan.page.getByTestId("statement-entry");
  await expect(entries).toHaveCount(6);
  await expect(entries.nth(0).getByTestId("entry-memo")).toHaveText(`Crown ×1 to ${host.user.name} in room ${roomNumber}`);
  await expect(entries.nth(0).getByTestId("entry-amount")).toHaveText("-1,000");
  await expect(entries.nth(0).getByTestId("entry-balance")).toHaveText("208");
  await expect(entries.nth(1).getByTestId("entry-amount")).toHaveText("+1,000");
  await expect(entries.nth(1).getByTestId("entry-balance")).toHaveText("1,208");
  await expect(entries.nth(4).getByTestId("entry-memo")).toHaveText(`Rose ×10 to ${host.user.name} in room ${roomNumber}`);
  await expect(entries.nth(4).getByTestId("entry-balance")).toHaveText("210");

  // The host's earnings are their own account, with its own statement.
  const hostWallet = await host.context.newPage();
  await hostWallet.goto("/wallet");
  await expect(hostWallet.getByTestId("earnings-balance")).toHaveText("1,092");
  await expect(hostWallet.getByTestId("wallet-page-balance")).toHaveText("0");
  await hostWallet.getByRole("link", { name: "Gift earnings" }).click();
  await expect(hostWallet.getByTestId("statement-entry").first().getByTestId("entry-memo")).toHaveText(`Crown ×1 from ${fan.user.name} in room ${roomNumber}`);
  await expect(hostWallet.getByTestId("statement-entry").first().getByTestId("entry-balance")).toHaveText("1,092");
  await hostWallet.close();

  // The end page: gift count, value, earnings, and who gave most (this show and all time).
  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page.getByRole("heading", { name: "Your show has ended" })).toBeVisible();
  await expect(host.page.getByTestId("stat-gifts")).toHaveText("13");
  await expect(host.page.getByTestId("stat-gift-coins")).toHaveText("1,092");
  await expect(host.page.getByTestId("stat-earnings")).toHaveText("1,092");
  for (const board of ["show-top-gifters", "all-time-top-gifters"]) {
    const top = host.page.getByTestId(board).getByTestId("leaderboard-row").first();
    await expect(top).toContainText(fan.user.name);
    await expect(top.getByTestId("leaderboard-coins")).toHaveText("1,092");
  }

  await expectLedgerBalanced();
  const [events] = await query<{ n: string; coins: string }>(
    `SELECT count(*)::text AS n, SUM(coins)::text AS coins FROM "GiftEvent" g JOIN "Show" s ON s.id = g."showId" WHERE s."roomNumber" = $1`,
    [roomNumber],
  );
  expect(events).toEqual({ n: "4", coins: "1092" });
  for (const c of [host, fan, watcher]) await c.context.close();
});

test("two tabs send the same click (one idempotency key) at the same moment: one charge", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const fan = await userPage(browser, "Twotabs");
  const roomNumber = await goLive(host.page, `Double send ${Date.now()}`);
  await topUpFromWallet(fan.page, 300);
  const tabA = fan.page;
  const tabB = await fan.context.newPage();
  await enter(tabA, roomNumber);
  await enter(tabB, roomNumber);

  // Both tabs click "Send"; their requests are held until both are in, then go out together, B's
  // carrying A's key: the same click arriving twice at once (a double submit, a retry racing).
  const sendBody = z.tuple([z.looseObject({ idempotencyKey: z.string() })]);
  type Held = { body: z.infer<typeof sendBody>; go: (postData?: string) => Promise<void> };
  const held: Held[] = [];
  let bothIn: () => void = () => undefined;
  const together = new Promise<void>((resolve) => (bothIn = resolve));
  for (const tab of [tabA, tabB]) {
    await tab.route(`**/shows/${roomNumber}`, async (route) => {
      if (!isActionRequest(route.request())) return route.continue();
      // The page's other actions (history after a reconnect, presence) pass; only sends are held.
      const body = sendBody.safeParse(parseJson(route.request().postData()));
      if (!body.success) return route.continue();
      held.push({ body: body.data, go: (postData) => route.continue(postData ? { postData } : undefined) });
      // Not awaited here: a pending handler may hold up the next request's.
      if (held.length === 2) bothIn();
    });
  }
  const clicks = Promise.all([sendGift(tabA, ROSE, 10), sendGift(tabB, ROSE, 10)]);
  await together;
  const [a, b] = held;
  if (!a || !b) throw new Error("both sends should have been held");
  const key = a.body[0].idempotencyKey;
  await Promise.all([a.go(), b.go(JSON.stringify([{ ...b.body[0], idempotencyKey: key }]))]);
  await clicks;

  // Both tabs got the one send's receipt; one debit, one gift.
  for (const tab of [tabA, tabB]) {
    await expect(headerBalance(tab)).toHaveText("210");
    await expect(tab.getByTestId("gift-shelf").getByTestId("form-error")).toHaveCount(0);
  }
  expect(await walletBalanceOf(fan.user.email)).toBe(210);
  const [sends] = await query<{ events: string; debits: string }>(
    `SELECT (SELECT count(*) FROM "GiftEvent" g JOIN "User" u ON u.id = g."senderId" WHERE u.email = $1)::text AS events,
            (SELECT count(*) FROM "LedgerEntry" e JOIN "User" u ON e."accountId" = 'wallet:' || u.id WHERE u.email = $1 AND e.amount < 0)::text AS debits`,
    [fan.user.email],
  );
  expect(sends).toEqual({ events: "1", debits: "1" });
  await expect(tabA.getByTestId("gift-overlay")).toHaveAttribute("data-seen", "1");
  await expectLedgerBalanced();
  await host.context.close();
  await fan.context.close();
});

test("the viewer pages with the gift shelf and the wallet work on a phone held upright", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await register(page, newUser("Phone"));
  const roomNumber = await goLive(host.page, `Phone gifts ${Date.now()}`);
  await topUpFromWallet(page, 300);
  await expect(page.getByTestId("statement-entry")).toHaveCount(1);
  // Amount and balance on screen, not behind a sideways scroll.
  await expect(page.getByTestId("entry-amount").first()).toBeInViewport();
  await expect(page.getByTestId("entry-balance").first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath("wallet-390x844.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(page.getByTestId("host-video"));
  await sendGift(page, ROSE, 10);
  await expect(floatingGift(page, "rose")).toBeVisible();
  await expect(page.getByTestId("gift-shelf")).toBeInViewport({ ratio: 0.5 });
  await page.screenshot({ path: test.info().outputPath("watch-390x844.png") });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await host.context.close();
  await phone.close();
});
