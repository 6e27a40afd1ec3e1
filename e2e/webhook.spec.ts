import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import { AccessToken } from "livekit-server-sdk";
import { query, tableCounts } from "./support/db";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

/** Signs a body the way LiveKit does: a JWT from the API key carrying the body's SHA-256. */
async function sign(body: string, apiKey: string, apiSecret: string) {
  const token = new AccessToken(apiKey, apiSecret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

function roomFinished(roomName: string) {
  return JSON.stringify({
    event: "room_finished",
    id: `EV_test_${Date.now()}_${Math.random().toString(36).slice(2)}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { sid: "RM_test", name: roomName },
  });
}

test("forged webhooks get 401 and change nothing; a signed one is applied", async ({ browser, request }) => {
  const { livekit } = readStack();
  const host = await userPage(browser, "Hooked");
  const roomNumber = await goLive(host.page, "Webhook target");
  const body = roomFinished(`show-${roomNumber}`);
  const eventId = (JSON.parse(body) as { id: string }).id;
  // LiveKit's own webhooks keep arriving meanwhile, so deliveries are checked by id, not counted.
  const before = await tableCounts({ except: ["WebhookDelivery"] });

  const forgeries: Record<string, string | undefined> = {
    "no signature": undefined,
    "garbage signature": "Bearer not-a-jwt",
    "wrong secret": await sign(body, livekit.apiKey, "x".repeat(40)),
    "wrong key": await sign(body, "APIforged", livekit.apiSecret),
    "signature of another body": await sign(body.replace("room_finished", "room_started"), livekit.apiKey, livekit.apiSecret),
  };
  for (const [name, authorization] of Object.entries(forgeries)) {
    const response = await request.post("/api/livekit/webhook", {
      data: body,
      headers: { "content-type": "application/webhook+json", ...(authorization ? { authorization } : {}) },
    });
    expect(response.status(), name).toBe(401);
    expect((await response.json()).error.code, name).toBe("UNAUTHENTICATED");
  }
  expect(await tableCounts({ except: ["WebhookDelivery"] })).toEqual(before);
  expect(await query(`SELECT id FROM "WebhookDelivery" WHERE id = $1`, [eventId])).toHaveLength(0);
  const [live] = await query<{ status: string }>(`SELECT status FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]);
  expect(live?.status).toBe("LIVE");

  // The same event, correctly signed, is applied (so the 401s above were not a broken route).
  const signed = await request.post("/api/livekit/webhook", {
    data: body,
    headers: { "content-type": "application/webhook+json", authorization: await sign(body, livekit.apiKey, livekit.apiSecret) },
  });
  expect(signed.status()).toBe(200);
  const [ended] = await query<{ status: string; endReason: string }>(
    `SELECT status, "endReason" FROM "Show" WHERE "roomNumber" = $1`,
    [roomNumber],
  );
  expect(ended).toEqual({ status: "ENDED", endReason: "ROOM_GONE" });
  await host.context.close();
});
