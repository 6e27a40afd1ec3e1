import { type Browser, expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { countRoomNotices, noticeCount } from "./support/notices";
import { type Health, expectRestarted, health, killService } from "./support/processes";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { newUser, register } from "./support/users";
import { expectVideoPlaying } from "./support/video";

// The test stack runs two app instances on one database, Redis and LiveKit (scripts/stack/profile.ts).
test.setTimeout(240_000);

function instanceName(index: number): string {
  return index === 0 ? "app" : `app-${index + 1}`;
}

async function healths(): Promise<(Health | null)[]> {
  return Promise.all(readStack().appUrls.map(health));
}

/** Waits until exactly one instance says it leads; returns its index. */
async function leaderIndex(timeout = 20_000): Promise<number> {
  let index = -1;
  await expect
    .poll(
      async () => {
        const all = await healths();
        const leaders = all.flatMap((h, i) => (h?.leader ? [i] : []));
        index = leaders.length === 1 ? (leaders[0] ?? -1) : -1;
        return leaders.length;
      },
      { timeout, intervals: [250] },
    )
    .toBe(1);
  return index;
}

async function userOn(browser: Browser, appUrl: string, name: string) {
  const context = await browser.newContext({ baseURL: appUrl, permissions: ["camera", "microphone"] });
  const page = await context.newPage();
  await register(page, newUser(name));
  return { context, page };
}

test("two app instances: one leader, one 'ended' notice per show, and the other takes over when the leader dies", async ({ browser }) => {
  const { appUrls } = readStack();
  expect(appUrls.length).toBeGreaterThanOrEqual(2);
  expect((await healths()).every((h) => h?.ok)).toBe(true);
  const leader = await leaderIndex();
  const follower = leader === 0 ? 1 : 0;

  // The host goes live on one instance, the viewer watches through the other; LiveKit's
  // webhooks go to the first, and the leader's reconcile loop looks at the same show.
  const host = await userOn(browser, appUrls[1] ?? "", "Vj");
  const viewer = await userOn(browser, appUrls[0] ?? "", "Viewer");
  await countRoomNotices(viewer.page);
  const roomNumber = await goLive(host.page, `Two instances ${Date.now()}`);
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));
  await expect.poll(() => noticeCount(viewer.page, "joined"), { timeout: 15_000 }).toBeGreaterThan(0);

  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(viewer.page.getByTestId("show-ended")).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => noticeCount(viewer.page, "ended"), { timeout: 10_000 }).toBe(1);
  // The room is closed, LiveKit's room_finished reaches the app, reconcile runs a few times: still one.
  await expect
    .poll(async () => (await query(`SELECT id FROM "WebhookDelivery" WHERE event = 'room_finished'`)).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await viewer.page.waitForTimeout(5_000); // two reconcile periods: a second notice would have come by now
  expect(await noticeCount(viewer.page, "ended")).toBe(1);
  await host.context.close();
  await viewer.context.close();

  // The leading process dies outright: the other instance takes the loops over within seconds.
  const killed = killService(instanceName(leader));
  const killedAt = Date.now();
  await expect.poll(async () => (await health(appUrls[follower] ?? ""))?.leader, { timeout: 15_000, intervals: [200] }).toBe(true);
  const tookOver = (Date.now() - killedAt) / 1000;
  console.log(`leader (instance ${leader + 1}) killed: instance ${follower + 1} leads after ${tookOver.toFixed(1)} s`);
  expect(tookOver).toBeLessThan(10);

  // And it does lead: a show whose room vanished is ended by its reconcile loop.
  const [ghost] = await query<{ id: string }>(
    `INSERT INTO "Show" (id, title, "hostId", "startedAt") SELECT $1, 'Ghost', id, now() - interval '1 minute' FROM "User" LIMIT 1 RETURNING id`,
    [`ghost-${Date.now()}`],
  );
  await expect
    .poll(async () => (await query<{ status: string }>(`SELECT status FROM "Show" WHERE id = $1`, [ghost!.id]))[0]?.status, { timeout: 20_000 })
    .toBe("ENDED");

  // The supervisor starts the killed instance again; it follows, it does not lead a second time.
  await expectRestarted(instanceName(leader), killed);
  await expect.poll(async () => (await health(appUrls[leader] ?? ""))?.ok, { timeout: 120_000, intervals: [500] }).toBe(true);
  expect(await leaderIndex()).toBe(follower);
});

test("a queued job survives a restart of every app instance", async ({ browser }) => {
  const { appUrls } = readStack();
  const host = await userOn(browser, appUrls[0] ?? "", "Leaver");
  const roomNumber = await goLive(host.page, `Job survives ${Date.now()}`);
  const [show] = await query<{ id: string }>(`SELECT id FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]);
  // The host leaves: participant_left queues the host-timeout check for the end of the grace period.
  await host.context.close();
  const pending = () =>
    query(
      `SELECT j.id FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
       WHERE t.identifier = 'shows.host-timeout' AND j.key = $1`,
      [`host-timeout:${show!.id}`],
    );
  await expect.poll(async () => (await pending()).length, { timeout: 60_000, intervals: [250] }).toBe(1);

  // Every app process is killed while the job waits (nothing in memory survives), then restarted.
  const killed = appUrls.map((_, i) => ({ name: instanceName(i), pid: killService(instanceName(i)) }));
  for (const { name, pid } of killed) await expectRestarted(name, pid);
  expect((await pending()).length).toBe(1); // still queued, in Postgres
  for (const url of appUrls) await expect.poll(async () => (await health(url))?.ok, { timeout: 120_000, intervals: [500] }).toBe(true);

  // Done after the restart: the job ran (and left the queue), the show ended by the host's timeout.
  await expect.poll(async () => (await pending()).length, { timeout: 60_000, intervals: [500] }).toBe(0);
  const [after] = await query<{ status: string; endReason: string }>(`SELECT status, "endReason" FROM "Show" WHERE id = $1`, [show!.id]);
  expect(after).toEqual({ status: "ENDED", endReason: "HOST_TIMEOUT" });
  await leaderIndex(30_000);
});
