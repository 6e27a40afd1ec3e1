import { expect } from "@playwright/test";
import { test } from "./support/test";
import { RoomServiceClient } from "livekit-server-sdk";
import { query } from "./support/db";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(120_000);

test("a show whose webhook was lost is repaired by the reconcile loop", async ({ page }) => {
  // A show the database believes is live, with a viewer session, but no LiveKit room
  // (the room and its webhooks are gone): exactly what a lost room_finished leaves.
  const [user] = await query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, 'Ghost host', 'x') RETURNING id`,
    [`ghost-${Date.now()}`, `ghost-${Date.now()}@example.test`],
  );
  const [show] = await query<{ id: string; roomNumber: number }>(
    `INSERT INTO "Show" (id, title, "hostId", "startedAt", "viewerCount") VALUES ($1, 'Ghost show', $2, now() - interval '1 minute', 1)
     RETURNING id, "roomNumber"`,
    [`ghost-show-${Date.now()}`, user!.id],
  );
  await query(`INSERT INTO "ParticipantSession" (id, "showId", "userId") VALUES ($1, $2, $3)`, [`PA_ghost_${Date.now()}`, show!.id, user!.id]);

  // The loop runs every 2 s in tests, so it may already have acted: wait for the outcome.
  await expect
    .poll(async () => (await query<{ status: string }>(`SELECT status FROM "Show" WHERE id = $1`, [show!.id]))[0]?.status, {
      timeout: 30_000,
    })
    .toBe("ENDED");
  await page.goto("/");
  await expect(page.locator(`[data-testid=show-card][data-room-number="${show!.roomNumber}"]`)).toHaveCount(0);
  const [after] = await query<{ status: string; endReason: string; open: string }>(
    `SELECT status, "endReason", (SELECT count(*)::text FROM "ParticipantSession" WHERE "showId" = $1 AND "leftAt" IS NULL) AS open
     FROM "Show" WHERE id = $1`,
    [show!.id],
  );
  expect(after).toEqual({ status: "ENDED", endReason: "ROOM_GONE", open: "0" });
});

test("a LiveKit room deleted behind the app's back ends the show", async ({ browser }) => {
  const { livekit } = readStack();
  const host = await userPage(browser, "Deleted");
  const roomNumber = await goLive(host.page, "Room will vanish");
  const viewer = await userPage(browser, "Lobby");
  await viewer.page.goto("/");
  const card = viewer.page.locator(`[data-testid=show-card][data-room-number="${roomNumber}"]`);
  await expect(card).toBeVisible();

  await new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret).deleteRoom(`show-${roomNumber}`);
  await expect(card).toHaveCount(0, { timeout: 30_000 });
  await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`), { timeout: 10_000 });
  await host.context.close();
  await viewer.context.close();
});
