import { type Browser, type Page, expect } from "@playwright/test";

export type TestUser = { email: string; name: string; password: string };

let counter = 0;

/** A fresh, unique account description (the test database is new for every run). */
export function newUser(name: string): TestUser {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return { email: `${name.toLowerCase()}-${tag}@example.test`, name: `${name} ${tag}`.slice(0, 40), password: `pw-${tag}-secret` };
}

export async function fillRegister(page: Page, user: Partial<TestUser>) {
  await page.goto("/register");
  await page.getByLabel("Email").fill(user.email ?? "");
  await page.getByLabel("Display name").fill(user.name ?? "");
  await page.getByLabel("Password").fill(user.password ?? "");
  await page.getByRole("button", { name: "Sign up" }).click();
}

/** Registers through the UI and waits until it has landed (on the home page) logged in. */
export async function register(page: Page, user: TestUser) {
  await fillRegister(page, user);
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
}

export async function login(page: Page, user: Pick<TestUser, "email" | "password">) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** A separate browser context (its own cookies: "another browser") with a registered user. */
export async function userPage(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser(name);
  await register(page, user);
  return { context, page, user };
}
