import { expect } from "@playwright/test";
import { test } from "./support/test";
import { actionId } from "./support/actions";
import { egressRows, expectControlStatus, expectEgressStatus } from "./support/egress";
import { expectRestarted, killService } from "./support/processes";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test("two concurrent starts of a recording make one egress; the other is told it is already running", async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, `Double start ${Date.now()}`);
  await expectVideoPlaying(host.page.getByTestId("self-view"));

  // The studio's own start request, and the very same request (same session) sent alongside it;
  // both answers are read.
  const startId = actionId("components/studio/actions.ts", "startRecordingAction");
  let answers: Promise<[string, string]> | undefined;
  await host.page.route(
    (url) => url.pathname === "/studio",
    async (route) => {
      const request = route.request();
      // Only the start: the studio's other actions (the outputs poll, screening's notice) pass.
      if (request.method() !== "POST" || request.headers()["next-action"] !== startId || answers) return route.continue();
      const headers = await request.allHeaders();
      const keep = ["accept", "content-type", "next-action", "next-router-state-tree", "origin"];
      const replay = host.context.request.post(request.url(), {
        headers: Object.fromEntries(Object.entries(headers).filter(([name]) => keep.includes(name))),
        data: request.postDataBuffer() ?? "",
      });
      const own = route.fetch();
      answers = Promise.all([own.then((r) => r.text()), replay.then((r) => r.text())]);
      await route.fulfill({ response: await own });
    },
  );
  await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
  await expect.poll(() => answers !== undefined).toBe(true);
  const [own, replayed] = (await answers) ?? ["", ""];
  await host.page.unroute((url) => url.pathname === "/studio");
  const outcome = (text: string) => /"message":"([^"]*)"/.exec(text)?.[1] ?? (text.includes('"ok":true') ? "started" : text.slice(0, 120));
  console.log(`concurrent starts: studio → ${outcome(own)}; replay → ${outcome(replayed)}`);

  // Exactly one of the two was refused, with the clear message, and one egress runs.
  expect([own, replayed].filter((text) => text.includes("is already running. Stop it first."))).toHaveLength(1);
  await expectEgressStatus(roomNumber, "MP4", "ACTIVE");
  const rows = await egressRows(roomNumber, "MP4");
  expect(rows).toHaveLength(1);
  expect(rows[0]?.id).toMatch(/^EG_/);
  await expectControlStatus(host.page, "MP4", "ACTIVE");
  if (own.includes("already running")) {
    await expect(host.page.getByTestId("broadcast-controls").getByTestId("form-error")).toContainText("already running");
  }
  await host.page.getByRole("button", { name: "End show" }).click();
  await host.context.close();
});

test("Egress dies during a recording: the output ends as failed, and a new recording starts once Egress is back", async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, `Egress crash ${Date.now()}`);
  await expectVideoPlaying(host.page.getByTestId("self-view"));
  await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
  const first = await expectEgressStatus(roomNumber, "MP4", "ACTIVE");

  // No egress_ended will ever come: Egress and its job handlers are killed outright.
  const pid = killService("egress");
  const killedAt = Date.now();
  const ended = await expectEgressStatus(roomNumber, "MP4", /^(FAILED|ABORTED)$/, 30_000);
  const seconds = (Date.now() - killedAt) / 1000;
  console.log(`Egress killed: recording row ${ended.status} after ${seconds.toFixed(1)} s (reconcile every ${process.env.SUIXIN_RECONCILE_SECONDS ?? 2} s)`);
  expect(ended.id).toBe(first.id);
  expect(ended.error).toContain("Egress no longer runs it");
  // By the first reconcile pass after the kill: the period (2 s in tests), then the ~3 s LiveKit
  // takes to find no handler for the job (measured 6.8–7.1 s in all; margin for a loaded machine).
  expect(seconds).toBeLessThan(12);
  await expectControlStatus(host.page, "MP4", "FAILED");
  await expect(host.page.getByTestId("broadcast-MP4")).toContainText("Egress no longer runs it");

  // The slot is free: once the supervisor has Egress back, the host records again.
  await expectRestarted("egress", pid);
  await expect(async () => {
    await host.page.getByRole("button", { name: "Start Recording (MP4)" }).click();
    await expectControlStatus(host.page, "MP4", "ACTIVE", 20_000);
  }).toPass({ timeout: 90_000 });
  const second = await expectEgressStatus(roomNumber, "MP4", "ACTIVE");
  expect(second.id).not.toBe(first.id);
  await host.page.getByRole("button", { name: "Stop Recording (MP4)" }).click();
  await expectEgressStatus(roomNumber, "MP4", "COMPLETE");
  await host.context.close();
});
