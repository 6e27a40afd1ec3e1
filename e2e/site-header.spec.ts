import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { userPage } from "./support/users";

/** React's and Next's complaints that the browser's first render did not match the HTML. */
function collectHydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  const record = (text: string) => {
    if (/hydrat|did not match|server rendered HTML|Minified React error #(418|423|425)/i.test(text)) errors.push(text);
  };
  page.on("console", (message) => message.type() === "error" && record(message.text()));
  page.on("pageerror", (error) => record(error.message));
  return errors;
}

/** One page's worth of layout: a single header, main and studio (not a second tree beside the first). */
async function expectOneTree(page: Page, heading: string) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toHaveCount(1);
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.getByTestId("account-menu")).toHaveCount(1);
}

test("the room list is one cached page for everyone; each header says who is signed in", async ({ browser }) => {
  const alice = await userPage(browser, "Alice");
  const bob = await userPage(browser, "Bob");
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();

  // Asked with Alice's cookies, the home page is still the shared one: from Next's page cache
  // (a per-request render has no x-nextjs-cache header) and naming nobody.
  const shared = await alice.page.request.get("/");
  expect(shared.ok()).toBe(true);
  expect(shared.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE|MISS|REVALIDATED)$/);
  const html = await shared.text();
  expect(html).not.toContain(alice.user.name);
  expect(html).toContain("Live now");

  for (const { page, user } of [alice, bob]) {
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toHaveText(user.name);
    await expect(page.getByRole("link", { name: "Log in" })).toHaveCount(0);
  }
  await visitor.goto("/");
  await expect(visitor.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(visitor.getByTestId("current-user")).toHaveCount(0);

  await alice.page.getByRole("button", { name: "Log out" }).click();
  await expect(alice.page.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(alice.page.getByTestId("current-user")).toHaveCount(0);

  await Promise.all([alice.context.close(), bob.context.close(), visitorContext.close()]);
});

test("moving between the cached room list and the studio in the browser keeps one page tree", async ({ browser }) => {
  const host = await userPage(browser, "Mover");
  const { page } = host;
  const hydrationErrors = collectHydrationErrors(page);

  // From the cached home page (loaded in full) to the studio, and back and forth, client-side.
  await page.goto("/");
  await expectOneTree(page, "Live now");
  await page.getByRole("link", { name: "Go live" }).click();
  await expect(page).toHaveURL(/\/studio$/);
  await expectOneTree(page, "Go live");
  await expect(page.getByTestId("camera-preview")).toHaveCount(1);
  await expect(page.getByTestId("current-user")).toHaveText(host.user.name);
  await page.getByRole("link", { name: "Live now" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectOneTree(page, "Live now");
  await page.getByRole("link", { name: "Go live" }).click();
  await expectOneTree(page, "Go live");
  await expect(page.getByTestId("camera-preview")).toHaveCount(1);

  // The other way round: the studio loaded in full (a per-user page), then the cached list.
  await page.reload();
  await expectOneTree(page, "Go live");
  await page.getByRole("link", { name: "Live now" }).click();
  await expectOneTree(page, "Live now");
  await expect(page.getByTestId("current-user")).toHaveText(host.user.name);

  expect(hydrationErrors).toEqual([]);
  await host.context.close();
});
