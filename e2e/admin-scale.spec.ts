import { test } from "./support/test";
import { expect, openDashboard, operatorPage } from "./support/admin";
import { query } from "./support/db";

test.setTimeout(180_000);

const USERS = 10_000;
const SHOWS = 1_000;
const tag = Date.now().toString(36);

// 10,000 accounts over two months, 1,000 ended shows (the first host has 100 of them), and a
// page of what the system did on its own: every list of the dashboard must stay paged.
test.beforeAll(async () => {
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt")
     SELECT $1 || g, 'scale-' || $1 || g || '@example.test', 'Scale user ' || g, 'not-a-hash', (now() AT TIME ZONE 'UTC') - (g % 60) * interval '1 day'
     FROM generate_series(1, $2::int) g`,
    [`s${tag}-`, USERS],
  );
  await query(
    `INSERT INTO "Show" (id, title, "hostId", status, "startedAt", "endedAt", "endReason", "uniqueViewers")
     SELECT $1 || g, 'Scale show ' || g, $2 || CASE WHEN g <= 100 THEN 1 ELSE g % 900 + 2 END, 'ENDED',
            (now() AT TIME ZONE 'UTC') - g * interval '40 minutes', (now() AT TIME ZONE 'UTC') - g * interval '40 minutes' + interval '20 minutes', 'HOST', g % 50
     FROM generate_series(1, $3::int) g`,
    [`s${tag}-show-`, `s${tag}-`, SHOWS],
  );
  await query(
    `INSERT INTO "AuditEntry" ("actorId", action, "targetType", "targetId", "targetLabel", reason)
     SELECT NULL, 'user.mute', 'user', $1 || g, 'Scale user ' || g, 'automatic screening ' || $2 FROM generate_series(1, 60) g`,
    [`s${tag}-`, tag],
  );
  await query(`ANALYZE "User"; ANALYZE "Show"; ANALYZE "AuditEntry"`);
});

test("with 10,000 users and 1,000 shows every list is paged and search finds one user", async ({ browser }) => {
  const ops = await operatorPage(browser);
  await openDashboard(ops.page, "Users");
  const [{ total }] = (await query<{ total: number }>(`SELECT count(*)::int AS total FROM "User"`)) as [{ total: number }];
  await expect(ops.page.getByTestId("user-row")).toHaveCount(50);
  await expect(ops.page.getByTestId("pager")).toContainText(`Page 1 of ${Math.ceil(total / 50)} · ${total.toLocaleString("en")} users`);
  await ops.page.getByRole("link", { name: "Next →" }).click();
  await expect(ops.page.getByTestId("pager")).toContainText("Page 2 of");
  await expect(ops.page.getByTestId("user-row")).toHaveCount(50);

  // Search as you type: any part of the email, or the name.
  await ops.page.getByLabel("Search users").fill(`s${tag}-7777@`);
  await expect(ops.page.getByTestId("user-row")).toHaveCount(1);
  await expect(ops.page.getByTestId("user-row")).toContainText("Scale user 7777");
  await expect(ops.page).toHaveURL(new RegExp(`/admin/users\\?q=s${tag}-7777%40$`));
  await ops.page.getByLabel("Search users").fill("Scale user 999");
  // 999 and 9990–9999
  await expect(ops.page.getByTestId("user-row")).toHaveCount(11);

  // A host with 100 shows: 20 a page.
  await ops.page.getByLabel("Search users").fill(`s${tag}-1@`);
  await ops.page.getByTestId("user-row").getByRole("link", { name: "Scale user 1", exact: true }).click();
  await expect(ops.page.getByTestId("user-show")).toHaveCount(20);
  await expect(ops.page.getByTestId("pager")).toContainText("Page 1 of 5 · 100 shows");

  // The audit log: 50 a page; what the system did has no human actor.
  await openDashboard(ops.page, "Audit log");
  await ops.page.getByLabel("Search the audit log").fill(`automatic screening ${tag}`);
  await ops.page.getByRole("button", { name: "Search" }).click();
  await expect(ops.page.getByTestId("audit-row")).toHaveCount(50);
  await expect(ops.page.getByTestId("pager")).toContainText("Page 1 of 2 · 60 entries");
  await expect(ops.page.getByTestId("audit-actor").first()).toHaveText("system");
  await ops.page.getByRole("link", { name: "Next →" }).click();
  await expect(ops.page.getByTestId("audit-row")).toHaveCount(10);

  // The numbers still draw.
  await openDashboard(ops.page, "Numbers");
  await expect(ops.page.getByTestId("chart-users-per-day").locator("path.recharts-rectangle").first()).toBeVisible();
  await ops.context.close();
});
