import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { z } from "zod";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

/** The egress service's pid, from the supervisor's run-state file. */
function egressPid(): number {
  const state = z
    .object({ children: z.array(z.object({ name: z.string(), pid: z.number() })) })
    .parse(JSON.parse(fs.readFileSync(path.join(readStack().dataDir, "supervisor.json"), "utf8")));
  const pid = state.children.find((c) => c.name === "egress")?.pid;
  if (!pid) throw new Error("egress is not running");
  return pid;
}

test("starting an output while Egress does not answer gives a clear message, not a hang", async ({ browser }) => {
  test.setTimeout(90_000);
  const host = await userPage(browser, "Vj");
  await goLive(host.page, `No egress ${Date.now()}`);

  // Frozen rather than stopped: the supervisor would restart a stopped Egress at once.
  const pid = egressPid();
  process.kill(pid, "SIGSTOP");
  try {
    const clickedAt = Date.now();
    await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
    await expect(host.page.getByTestId("broadcast-controls").getByTestId("form-error")).toContainText(
      "The recording service is not running",
      { timeout: 20_000 },
    );
    const waited = (Date.now() - clickedAt) / 1000;
    console.log(`Egress not answering: message after ${waited.toFixed(1)} s`);
    expect(waited).toBeLessThan(15);
    await expect(host.page.getByTestId("broadcast-MP4")).toHaveAttribute("data-status", "NONE");
  } finally {
    process.kill(pid, "SIGCONT");
  }
  await host.page.getByRole("button", { name: "End show" }).click();
  await host.context.close();
});
