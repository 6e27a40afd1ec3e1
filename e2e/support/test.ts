import { test as base } from "@playwright/test";

/**
 * Playwright's `test`, with one addition for every spec: when a test ends, every browser context
 * it opened and left open is closed (a test that forgot, or one that failed midway). The
 * `browser` lives for the whole worker, so a host page left open would go on publishing its
 * camera, and its viewers decoding it, through every later test on these two cores.
 */
export const test = base.extend<{ closeLeftoverContexts: void }>({
  closeLeftoverContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      const left = browser.contexts().filter((context) => !before.has(context));
      await Promise.all(left.map((context) => context.close().catch(() => undefined)));
    },
    { auto: true },
  ],
});
