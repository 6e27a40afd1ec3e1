import { expect } from "@playwright/test";
import { test } from "./support/test";
import { fillRegister, login, newUser, register } from "./support/users";

test.describe("accounts", () => {
  test("bad registration input gets clear messages and creates no account", async ({ page }) => {
    const user = newUser("Bad");
    await fillRegister(page, { email: "not-an-email", name: "", password: "short" });
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Enter a display name")).toBeVisible();
    await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveCount(0);

    // Nothing was stored: the half-corrected account does not exist and cannot log in.
    await fillRegister(page, { email: user.email, name: user.name, password: "short" });
    await expect(page.getByText("Password must be at least 8 characters")).toBeVisible();
    await login(page, { email: user.email, password: "short" });
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  });

  test("register, log out, duplicate account, wrong password, log in", async ({ page }) => {
    const user = newUser("Alice");
    await register(page, user);

    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

    await fillRegister(page, { ...user, email: user.email.toUpperCase() });
    await expect(page.getByTestId("form-error")).toHaveText("An account with this email already exists");

    await login(page, { email: user.email, password: `${user.password}x` });
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");

    await login(page, user);
    await expect(page.getByTestId("current-user")).toHaveText(user.name);
  });

  test("pages that need an account send visitors to log in and back", async ({ page }) => {
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstudio/);
    const user = newUser("Back");
    await page.getByRole("link", { name: "Sign up" }).last().click();
    await expect(page).toHaveURL(/\/register\?callbackUrl=%2Fstudio$/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Display name").fill(user.name);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page).toHaveURL(/\/studio$/);
  });

  test("the login form never sends the browser to another site after logging in", async ({ browser, page }) => {
    test.setTimeout(120_000);
    const user = newUser("Redirect");
    await register(page, user);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
    const origin = new URL(page.url()).origin;

    // A browser reads "/<tab>/evil.example" as //evil.example; the others are the classic forms.
    for (const target of ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/%09/evil.example"]) {
      const context = await browser.newContext();
      const visitor = await context.newPage();
      const offSite: string[] = [];
      visitor.on("request", (request) => {
        if (new URL(request.url()).origin !== origin) offSite.push(request.url());
      });
      await visitor.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await visitor.getByLabel("Email").fill(user.email);
      await visitor.getByLabel("Password").fill(user.password);
      await visitor.getByRole("button", { name: "Log in" }).click();
      await expect(visitor, target).toHaveURL(`${origin}/`);
      await expect(visitor.getByTestId("current-user")).toHaveText(user.name);
      expect(offSite, target).toEqual([]);
      await context.close();
    }
  });
});
