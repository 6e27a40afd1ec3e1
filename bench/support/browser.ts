// Debian's Chromium with exactly the flags the e2e tests use (taken from playwright.config.ts,
// so the benchmarks and the tests cannot drift apart).
import { chromium } from "@playwright/test";
import type { Browser, BrowserContext } from "@playwright/test";

import config from "../../playwright.config";

export async function launchBrowser(): Promise<Browser> {
  const launchOptions = config.use?.launchOptions ?? {};
  return chromium.launch({ ...launchOptions, executablePath: launchOptions.executablePath ?? "/usr/bin/chromium" });
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in `__name(...)`; code
 * that Playwright serializes into a page would then call a helper the page does not have.
 */
const NAME_SHIM = "globalThis.__name ??= (fn) => fn;";

export async function newContext(browser: Browser, baseURL?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, permissions: [...(config.use?.permissions ?? ["camera", "microphone"])] });
  await context.addInitScript({ content: NAME_SHIM });
  return context;
}
