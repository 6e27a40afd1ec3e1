import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query, tableCounts } from "./support/db";
import { goLive } from "./support/studio";
import { ownIdentity, stageCommand, userIdOf } from "./support/stage";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(180_000);

test("bad stage requests get a clear error and change nothing", async ({ browser }) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Bad input");
  const ann = await userPage(browser, "Ann");
  const bob = await userPage(browser, "Bob");
  const absent = await userPage(browser, "Abe"); // registered, never in the room
  for (const p of [ann, bob]) {
    await p.page.goto(`/shows/${roomNumber}`);
    await expectVideoPlaying(p.page.getByTestId("host-video"));
  }
  const annIdentity = await ownIdentity(ann.page);
  await ownIdentity(bob.page); // Bob is connected too
  const hostId = await userIdOf(host.user.email);
  const absentId = await userIdOf(absent.user.email);
  const refused = async (page: typeof host.page, command: Record<string, unknown>, status: number, message: string | RegExp) => {
    const before = await tableCounts({ except: ["WebhookDelivery", "ParticipantSession"] });
    const { status: got, body } = await stageCommand(page, roomNumber, command);
    expect({ got, message: body.error?.message }).toEqual({ got: status, message: expect.stringMatching(message) });
    expect(await tableCounts({ except: ["WebhookDelivery", "ParticipantSession"] })).toEqual(before);
  };

  // A viewer invites someone, mutes or removes: only the host runs the stage.
  await refused(bob.page, { op: "invite", identity: annIdentity }, 403, "Only the host can manage the stage.");
  await refused(bob.page, { op: "remove", identity: annIdentity }, 403, "Only the host can manage the stage.");
  await refused(bob.page, { op: "mute", identity: annIdentity, source: "microphone", muted: true }, 403, "Only the host can manage the stage.");
  // Inviting the host, or someone who is not in the room.
  await refused(host.page, { op: "invite", identity: hostId }, 409, "The host is on stage already: invite a viewer.");
  await refused(host.page, { op: "invite", identity: `${hostId}~0a1b2c3d` }, 404, "That person is not in this room.");
  await refused(host.page, { op: "invite", identity: `${absentId}~0a1b2c3d` }, 404, "That person is not in this room.");
  await refused(host.page, { op: "invite", identity: "no such person!" }, 422, "That is not someone in the room");
  // Malformed requests.
  await refused(host.page, { op: "teleport" }, 422, "Unknown stage command");
  await refused(host.page, { op: "mute", identity: annIdentity, source: "screen_share", muted: true }, 422, /./);
  const notJson = await host.page.request.post(`/api/shows/${roomNumber}/stage`, { headers: { "content-type": "text/plain" }, data: "op=invite" });
  expect(notJson.status()).toBe(422);
  const huge = await host.page.request.post(`/api/shows/${roomNumber}/stage`, {
    data: { op: "invite", identity: annIdentity, padding: "x".repeat(64 * 1024) },
  });
  expect(huge.status()).toBe(413);
  // A hand raised for someone else's connection; removing or muting someone who is not on stage.
  await refused(bob.page, { op: "raise-hand", identity: annIdentity }, 403, "That connection is not yours.");
  await refused(host.page, { op: "remove", identity: annIdentity }, 404, "That person is not on stage.");
  await refused(host.page, { op: "mute", identity: annIdentity, source: "camera", muted: true }, 404, "That person is not on stage.");
  // Without a session.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await refused(visitor, { op: "lower-hand" }, 401, "Please log in first.");
  await anonymous.close();

  // A real invite for Ann: Bob cannot answer it, whatever he tries.
  const invited = await stageCommand(host.page, roomNumber, { op: "invite", identity: annIdentity });
  expect(invited.status).toBe(200);
  await expect(ann.page.getByTestId("stage-invite")).toBeVisible({ timeout: 10_000 });
  await expect(bob.page.getByTestId("stage-invite")).toHaveCount(0);
  const inviteId = await ann.page.getByTestId("stage-invite").getAttribute("data-invite-id");
  await refused(bob.page, { op: "accept-invite", inviteId }, 403, "This invite is not for you.");
  await refused(bob.page, { op: "decline-invite", inviteId }, 403, "This invite is not for you.");
  await refused(ann.page, { op: "accept-invite", inviteId: "nosuchinvite" }, 404, "There is no such invite in this show.");
  await refused(host.page, { op: "invite", identity: annIdentity }, 409, /is invited already/);
  const [row] = await query<{ status: string }>(`SELECT status::text FROM "StageRequest" WHERE id = $1`, [inviteId]);
  expect(row?.status).toBe("PENDING");
  await expect(bob.page.getByTestId("guest-controls")).toHaveCount(0);

  // The database itself holds the limit: no fourth open seat, no seat outside 1..3.
  const [show] = await query<{ id: string }>(`SELECT id FROM "Show" WHERE "roomNumber" = $1`, [roomNumber]);
  const users = [hostId, absentId, await userIdOf(ann.user.email), await userIdOf(bob.user.email)];
  const seat = (user: string, n: number) =>
    query(`INSERT INTO "StageSeat" (id, "showId", "userId", identity, seat) VALUES ($1, $2, $3, $3, $4)`, [`t${user}${n}`, show?.id, user, n]);
  await expect(seat(users[0]!, 4)).rejects.toThrow(/StageSeat_seat_range/);
  await seat(users[0]!, 1);
  await expect(seat(users[1]!, 1)).rejects.toThrow(/StageSeat_open_seat/);
  await expect(seat(users[0]!, 2)).rejects.toThrow(/StageSeat_open_user/);
  await query(`DELETE FROM "StageSeat" WHERE "showId" = $1`, [show?.id]);

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, ann.context, bob.context, absent.context].map((c) => c.close()));
});
