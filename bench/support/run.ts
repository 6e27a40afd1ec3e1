// The life of a benchmark script: the load before it, its own stack (and browser) for the run,
// both stopped again whatever happens, and an exit code.
import type { Browser } from "@playwright/test";

import { launchBrowser } from "./browser";
import { type RunningStack, startStack } from "./stack";
import { loadLine } from "./stats";

/** Runs `main` as the script's whole work: exit 0, or the error on stderr and exit 1. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench:${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** Starts the stack `name` with these app settings, runs `run` on it and stops it again. */
export async function withStack(name: string, settings: Record<string, string>, run: (stack: RunningStack) => Promise<void>): Promise<void> {
  process.stdout.write(`before: ${loadLine()}\n`);
  const stack = await startStack(name, settings);
  try {
    process.stdout.write(`stack up: ${stack.info.appUrl}; ${loadLine()}\n`);
    await run(stack);
  } finally {
    await stack.stop();
  }
}

/** Debian's Chromium, as the e2e tests launch it, for `run`; closed afterwards. */
export async function withBrowser(run: (browser: Browser) => Promise<void>): Promise<void> {
  const browser = await launchBrowser();
  try {
    await run(browser);
  } finally {
    await browser.close();
  }
}
