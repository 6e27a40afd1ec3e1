import { type Page, expect } from "@playwright/test";
import { query } from "./db";

/** The header's balance. */
export function headerBalance(page: Page) {
  return page.getByTestId("wallet-balance");
}

/** Opens the wallet from the header and buys a package with the test provider. */
export async function topUpFromWallet(page: Page, coins: number) {
  await headerBalance(page).click();
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId("top-up")).toContainText("Test payment (no real money)");
  await page.getByRole("button", { name: `Buy ${coins} coins` }).click();
  await expect(page.getByTestId("top-up").getByRole("status")).toHaveText(`Added ${coins.toLocaleString("en")} coins.`);
}

/** Selects a gift and a count on the shelf, and sends it. */
export async function sendGift(page: Page, gift: { id: string; name: string }, count: 1 | 10 | 66 = 1) {
  const shelf = page.getByTestId("gift-shelf");
  await shelf.getByTestId(`gift-${gift.id}`).click();
  await shelf.getByRole("button", { name: `×${count}`, exact: true }).click();
  const send = shelf.getByRole("button", { name: new RegExp(`^Send ${gift.name} ×${count} ·`) });
  await send.click();
  await expect(send).toBeEnabled({ timeout: 15_000 });
}

/** The books balance: entries sum to zero overall and per transfer; stored balances equal their entries. */
export async function expectLedgerBalanced() {
  const [row] = await query<{ total: string; unbalanced: string; drift: string; negative: string }>(`
    SELECT
      (SELECT COALESCE(SUM(amount), 0) FROM "LedgerEntry")::text AS total,
      (SELECT count(*) FROM (SELECT 1 FROM "LedgerEntry" GROUP BY "transferId" HAVING SUM(amount) <> 0) t)::text AS unbalanced,
      (SELECT COALESCE(SUM(ABS(a.balance - COALESCE((SELECT SUM(amount) FROM "LedgerEntry" e WHERE e."accountId" = a.id), 0))), 0)
         FROM "LedgerAccount" a WHERE a.kind = 'WALLET')::text AS drift,
      (SELECT count(*) FROM "LedgerAccount" WHERE balance < 0)::text AS negative`);
  expect(row).toEqual({ total: "0", unbalanced: "0", drift: "0", negative: "0" });
}

export async function walletBalanceOf(email: string): Promise<number> {
  const [row] = await query<{ balance: number | null }>(
    `SELECT a.balance FROM "User" u LEFT JOIN "LedgerAccount" a ON a.id = 'wallet:' || u.id WHERE u.email = $1`,
    [email],
  );
  return row?.balance ?? 0;
}
