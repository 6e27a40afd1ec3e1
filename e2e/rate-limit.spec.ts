import { expect, test } from "@playwright/test";
import { login, newUser, register } from "./support/users";

// The test profile shortens the per-account login window to 10 s (scripts/stack/profile.ts);
// the limit itself (10 attempts per window) is the production one.
test("the 11th login attempt in a window is refused with 'try again in N s'; the right password works after it", async ({
  browser,
  page,
}) => {
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
