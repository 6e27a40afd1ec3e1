import { type Locator } from "@playwright/test";
import { test } from "./support/test";
import { expect, openDashboard, operatorPage } from "./support/admin";
import { query } from "./support/db";

test.setTimeout(120_000);

const tag = Date.now().toString(36);

/** Samples and shows in the past, with peaks no live test can reach. */
async function seed() {
  const [host] = await query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt") VALUES ($1, $2, $3, 'x', (now() AT TIME ZONE 'UTC') - interval '3 days') RETURNING id`,
    [`chart-host-${tag}`, `chart-host-${tag}@example.test`, `Top host ${tag}`],
  );
  // Site-wide: every 30 s over the last hour (peak 37 twenty minutes ago), hourly over 7 days (peak 55 three days ago, 44 five hours ago).
  await query(
    `INSERT INTO "SiteSample" (at, viewers, "liveShows")
     SELECT (now() AT TIME ZONE 'UTC') - g * interval '30 seconds', CASE WHEN g = 40 THEN 37 ELSE 3 END, 1 FROM generate_series(1, 119) g
     ON CONFLICT DO NOTHING`,
  );
  await query(
    `INSERT INTO "SiteSample" (at, viewers, "liveShows")
     SELECT date_trunc('hour', now() AT TIME ZONE 'UTC') - g * interval '1 hour' + interval '7 minutes', CASE WHEN g = 72 THEN 55 WHEN g = 5 THEN 44 ELSE 4 END, 1
     FROM generate_series(2, 160) g ON CONFLICT DO NOTHING`,
  );
  // Ended shows of one host over the last days, one with samples of its own (peak 23).
  await query(
    `INSERT INTO "Show" (id, title, "hostId", status, "startedAt", "endedAt", "endReason", "uniqueViewers", "peakViewers")
     SELECT $1 || '-' || g, 'Chart show ' || g, $2, 'ENDED', (now() AT TIME ZONE 'UTC') - g * interval '1 day' - interval '2 hours',
            (now() AT TIME ZONE 'UTC') - g * interval '1 day', 'HOST', 9000 + g, 40
     FROM generate_series(1, 5) g`,
    [`chart-show-${tag}`, host!.id],
  );
  const [show] = await query<{ id: string; roomNumber: number }>(
    `INSERT INTO "Show" (id, title, "hostId", status, "startedAt", "endedAt", "endReason")
     VALUES ($1, 'Sampled show', $2, 'ENDED', (now() AT TIME ZONE 'UTC') - interval '50 minutes', (now() AT TIME ZONE 'UTC') - interval '5 minutes', 'HOST') RETURNING id, "roomNumber"`,
    [`chart-sampled-${tag}`, host!.id],
  );
  await query(
    `INSERT INTO "ShowSample" ("showId", at, viewers)
     SELECT $1, (now() AT TIME ZONE 'UTC') - interval '5 minutes' - g * interval '30 seconds', CASE WHEN g = 30 THEN 23 ELSE 2 END FROM generate_series(0, 80) g`,
    [show!.id],
  );
  return { hostName: `Top host ${tag}`, room: show!.roomNumber };
}

async function expectDrawn(chart: Locator, shape: string) {
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  await expect.poll(() => chart.locator(shape).count()).toBeGreaterThan(0);
}

test("the numbers page charts seeded data: viewers over 1 h / 24 h / 7 d, one show, per day, top hosts", async ({ browser }) => {
  const { hostName, room } = await seed();
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Numbers");

  const site = ops.page.getByTestId("chart-site-viewers");
  await expect(site.getByTestId("chart-summary")).toHaveText("peak 37 concurrent viewers, last hour");
  await expectDrawn(site, "path.recharts-area-area");
  await ops.page.getByRole("link", { name: "24h", exact: true }).click();
  await expect(site.getByTestId("chart-summary")).toHaveText("peak 44 concurrent viewers, last 24 hours");
  await ops.page.getByRole("link", { name: "7d", exact: true }).click();
  await expect(site.getByTestId("chart-summary")).toHaveText("peak 55 concurrent viewers, last 7 days");
  await expectDrawn(site, "path.recharts-area-area");

  // One show's audience, picked by room number.
  await ops.page.getByLabel("Viewers of one show, room").fill(String(room));
  await ops.page.getByRole("button", { name: "Show", exact: true }).click();
  const one = ops.page.getByTestId("chart-show-viewers");
  await expect(one).toContainText(`Viewers of room ${room}: Sampled show`);
  await expect(one.getByTestId("chart-summary")).toHaveText("peak 23 concurrent viewers, last 7 days");
  await expectDrawn(one, "path.recharts-area-area");

  // Per day: the server's totals are what the database holds.
  const [{ shows, users }] = (await query<{ shows: number; users: number }>(
    `SELECT (SELECT count(*)::int FROM "Show" WHERE "startedAt" >= date_trunc('day', now() AT TIME ZONE 'UTC') - interval '29 days') AS shows,
            (SELECT count(*)::int FROM "User" WHERE "createdAt" >= date_trunc('day', now() AT TIME ZONE 'UTC') - interval '29 days') AS users`,
  )) as [{ shows: number; users: number }];
  const perDay = ops.page.getByTestId("chart-shows-per-day");
  await expect(perDay.getByTestId("chart-summary")).toHaveText(`${shows} shows started in the last 30 days (UTC days)`);
  await expectDrawn(perDay, "path.recharts-rectangle");
  const newUsers = ops.page.getByTestId("chart-users-per-day");
  await expect(newUsers.getByTestId("chart-summary")).toHaveText(`${users} accounts created in the last 30 days (UTC days)`);
  await expectDrawn(newUsers, "path.recharts-rectangle");

  const top = ops.page.getByTestId("chart-top-hosts");
  await expect(top.getByTestId("chart-summary")).toContainText(`${hostName} leads with ${9001 + 9002 + 9003 + 9004 + 9005}`);
  await expectDrawn(top, "path.recharts-rectangle");
  // The host's name is a tick label of the chart (recharts wraps a long label into lines, so the
  // words arrive without the space between them).
  await expect(top.locator("svg.recharts-surface").first()).toContainText(tag);
  await ops.context.close();
});

test("the sampler records live shows' audiences every few seconds", async () => {
  const [host] = await query<{ id: string }>(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, 'Sampled host', 'x') RETURNING id`, [
    `sampled-host-${tag}`,
    `sampled-host-${tag}@example.test`,
  ]);
  // A live show the database believes has 7 viewers (the reconcile loop ends it after 15 s: no room).
  await query(`INSERT INTO "Show" (id, title, "hostId", "viewerCount") VALUES ($1, 'Counted', $2, 7)`, [`sampled-${tag}`, host!.id]);
  await expect
    .poll(async () => (await query<{ viewers: number }>(`SELECT viewers FROM "ShowSample" WHERE "showId" = $1`, [`sampled-${tag}`])).map((r) => r.viewers), {
      timeout: 12_000,
    })
    .toContain(7);
  const [site] = await query<{ viewers: number; liveShows: number }>(`SELECT viewers, "liveShows" FROM "SiteSample" ORDER BY at DESC LIMIT 1`);
  expect(site!.viewers).toBeGreaterThanOrEqual(7);
  expect(site!.liveShows).toBeGreaterThanOrEqual(1);
});
