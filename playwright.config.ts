import { defineConfig } from "@playwright/test";

// The whole stack (postgres, redis, livekit, the built app) comes up through the supervisor's
// test profile on its own ports, with a wiped data directory: see scripts/stack/.
// PORT (and the supervisor's other SUIXIN_*_PORT variables) let two test stacks run side by side.
const baseURL = `http://127.0.0.1:${process.env.PORT || 3100}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // 2 cores: the app, LiveKit and two Chromiums already share them
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  // 2 cores shared by several engineers' stacks (load averages of 40 seen): a click's outcome can
  // take well over the default 5 s, and a test well over the default 30 s.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  webServer: {
    command: "npx tsx scripts/stack/main.ts --profile test",
    // The supervisor's last line, printed once every instance answers and stack.json is written
    // (the first instance's /api/health answers earlier, before the tests can read the stack).
    wait: { stdout: /\[stack\] Suixin is up: / },
    timeout: 600_000, // a first run builds the app
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
  use: {
    baseURL,
    permissions: ["camera", "microphone"],
    trace: "on-first-retry",
    launchOptions: {
      executablePath: "/usr/bin/chromium", // Debian's; never `npx playwright install`
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--allow-loopback-in-peer-connection",
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
});
