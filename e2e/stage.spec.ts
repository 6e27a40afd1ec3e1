import { expect } from "@playwright/test";
import { test } from "./support/test";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import {
  bringOnStage,
  guestTile,
  inviteOnStage,
  ownIdentity,
  participantsOf,
  roomService,
  seatsOf,
  speakingMicrophone,
  stageCommand,
  userIdOf,
} from "./support/stage";
import { register, newUser, userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(180_000);

test("invite → accept: a third browser (a phone) sees host and guest moving; 'joined the stage' only after both tracks are published", async ({
  browser,
}) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Joint broadcast");

  // The guest's camera and mic take 3 s to open, so the moment between "on stage" and
  // "published" is long enough to look at; and the guest talks all the time.
  const guest = await userPage(browser, "Gia");
  await speakingMicrophone(guest.context, 3_000);
  await guest.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(guest.page.getByTestId("host-video"));

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  const watcher = newUser("Wes");
  await register(phone, watcher);
  await phone.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(phone.getByTestId("host-video"));

  // Only the invited viewer gets the invite, with the server's countdown.
  await inviteOnStage(host.page, guest.user.name);
  const dialog = guest.page.getByTestId("stage-invite");
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog).toContainText(`${host.user.name} invites you on stage`);
  const first = Number(await dialog.getByTestId("invite-countdown").textContent());
  expect(first).toBeGreaterThan(5);
  await expect.poll(async () => Number(await dialog.getByTestId("invite-countdown").textContent())).toBeLessThan(first);
  await expect(phone.getByTestId("stage-invite")).toHaveCount(0);
  await expect(host.page.getByTestId("stage-invite-row").filter({ hasText: guest.user.name })).toHaveAttribute("data-status", "PENDING");

  await dialog.getByRole("button", { name: "Accept" }).click();
  await expect(dialog).toHaveCount(0);

  // On stage (the server set the role) but nothing published yet: no "joined the stage".
  const tile = guestTile(phone, guest.user.name);
  await expect(tile).toBeVisible({ timeout: 10_000 });
  const guestId = await userIdOf(guest.user.email);
  expect((await participantsOf(roomNumber, guestId)).flatMap((p) => p.tracks)).toHaveLength(0);
  await expect(phone.getByTestId("room-notices")).not.toContainText("joined the stage");

  // Then camera and mic go out, the server sees both, and the room is told.
  await expectVideoPlaying(tile.getByTestId("guest-video"));
  await expect(phone.getByTestId("room-notices")).toContainText(`${guest.user.name} joined the stage`, { timeout: 15_000 });
  const published = (await participantsOf(roomNumber, guestId)).flatMap((p) => p.tracks.map((t) => t.source)).sort();
  expect(published).toEqual([1, 2]); // camera, microphone
  const [seat] = await seatsOf(roomNumber);
  expect(seat?.onStageAt).not.toBeNull();
  await expectVideoPlaying(phone.getByTestId("host-video"));
  await expect(host.page.getByTestId("room-notices")).toContainText(`${guest.user.name} joined the stage`);
  await expect(host.page.getByTestId("stage-guest")).toHaveAttribute("data-on-stage", "true");
  await expect(host.page.getByTestId("stage-invite-row").filter({ hasText: guest.user.name })).toHaveAttribute("data-status", "ACCEPTED");
  await expectVideoPlaying(guestTile(host.page, guest.user.name).getByTestId("guest-video"));

  // Member list: host, then the guest, then viewers.
  const roles = phone.getByTestId("member");
  await expect(roles).toHaveCount(3);
  await expect(roles.nth(0)).toHaveAttribute("data-role", "host");
  await expect(roles.nth(1)).toHaveAttribute("data-role", "guest");
  await expect(roles.nth(1)).toContainText(guest.user.name);
  await expect(roles.nth(2)).toHaveAttribute("data-role", "viewer");

  // The guest is speaking: their tile lights up.
  await expect.poll(() => tile.getAttribute("data-speaking"), { timeout: 15_000, intervals: [100] }).toBe("true");

  // Phone layout: the host's picture spans the screen, the guest's tile fits a third of it.
  const hostBox = await phone.getByTestId("host-video").boundingBox();
  const tileBox = await tile.boundingBox();
  expect(hostBox && hostBox.width).toBeGreaterThan(300);
  expect(tileBox && tileBox.x + tileBox.width).toBeLessThanOrEqual(390);
  expect(tileBox && tileBox.width).toBeLessThan(140);
  await phone.screenshot({ path: test.info().outputPath("stage-phone.png"), fullPage: true });

  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(phone.getByTestId("show-ended")).toBeVisible({ timeout: 10_000 });
  await Promise.all([host.context, guest.context, phoneContext].map((c) => c.close()));
});

test("decline, then an invite nobody answers expires with the countdown; the host sees each answer", async ({ browser }) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Declines and expiry");
  const viewer = await userPage(browser, "Dee");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));
  const inviteRow = host.page.getByTestId("stage-invite-row").filter({ hasText: viewer.user.name });

  // Decline.
  await inviteOnStage(host.page, viewer.user.name);
  const dialog = viewer.page.getByTestId("stage-invite");
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  const declinedId = await dialog.getAttribute("data-invite-id");
  await dialog.getByRole("button", { name: "Decline" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(inviteRow.first()).toHaveAttribute("data-status", "DECLINED");
  await expect(viewer.page.getByTestId("guest-controls")).toHaveCount(0);

  // An answered invite cannot be accepted afterwards.
  const late = await stageCommand(viewer.page, roomNumber, { op: "accept-invite", inviteId: declinedId });
  expect(late.status).toBe(409);
  expect(late.body.error?.message).toBe("This invite has already been answered.");

  // No answer: the dialog counts down to zero and closes; the server expires the invite.
  await inviteOnStage(host.page, viewer.user.name);
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  const expiringId = await dialog.getAttribute("data-invite-id");
  await expect(inviteRow.first()).toHaveAttribute("data-status", "PENDING");
  await expect(dialog).toHaveCount(0, { timeout: 30_000 }); // the test profile's invites last 20 s
  await expect(viewer.page.getByTestId("stage-message")).toHaveText(`The invite from ${host.user.name} has expired.`);
  await expect(inviteRow.first()).toHaveAttribute("data-status", "EXPIRED", { timeout: 10_000 });
  const [row] = await query<{ status: string }>(`SELECT status::text FROM "StageRequest" WHERE id = $1`, [expiringId]);
  expect(row?.status).toBe("EXPIRED");

  // Accepting it now is refused, and nothing changes.
  const expired = await stageCommand(viewer.page, roomNumber, { op: "accept-invite", inviteId: expiringId });
  expect(expired.status).toBe(410);
  expect(expired.body.error?.message).toBe("This invite has expired.");
  expect(await seatsOf(roomNumber)).toHaveLength(0);

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, viewer.context].map((c) => c.close()));
});

test("raise hand: the host dismisses it, the viewer lowers it, the host takes it on stage; the guest leaves", async ({ browser }) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Hands up");
  const viewer = await userPage(browser, "Hal");
  await viewer.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));
  const hand = viewer.page.getByTestId("raise-hand");
  const queue = host.page.getByTestId("stage-hand");

  await hand.click();
  await expect(hand).toHaveAttribute("data-raised", "true");
  await expect(queue.filter({ hasText: viewer.user.name })).toBeVisible({ timeout: 10_000 });
  await queue.getByRole("button", { name: "Dismiss" }).click();
  await expect(queue).toHaveCount(0);
  await expect(viewer.page.getByTestId("stage-message")).toHaveText("The host dismissed your raised hand.");
  await expect(hand).toHaveAttribute("data-raised", "false");

  await hand.click();
  await expect(queue).toHaveCount(1, { timeout: 10_000 });
  await hand.click(); // lower it
  await expect(hand).toHaveAttribute("data-raised", "false");
  await expect(queue).toHaveCount(0, { timeout: 10_000 });

  await hand.click();
  await expect(queue).toHaveCount(1, { timeout: 10_000 });
  await queue.getByRole("button", { name: "Take on stage" }).click();
  await expect(viewer.page.getByTestId("guest-controls")).toBeVisible({ timeout: 15_000 });
  await expect(host.page.getByTestId("room-notices")).toContainText(`${viewer.user.name} joined the stage`, { timeout: 15_000 });
  await expectVideoPlaying(guestTile(host.page, viewer.user.name).getByTestId("guest-video"));
  await expect(queue).toHaveCount(0);

  // The guest leaves: a viewer again, camera and mic off, the room is told.
  await viewer.page.getByRole("button", { name: "Leave the stage" }).click();
  await expect(viewer.page.getByTestId("guest-controls")).toHaveCount(0, { timeout: 10_000 });
  await expect(viewer.page.getByTestId("raise-hand")).toBeVisible();
  await expect(host.page.getByTestId("room-notices")).toContainText(`${viewer.user.name} left the stage`);
  await expect(guestTile(host.page, viewer.user.name)).toHaveCount(0);
  const viewerId = await userIdOf(viewer.user.email);
  await expect.poll(async () => (await participantsOf(roomNumber, viewerId)).flatMap((p) => p.tracks).length).toBe(0);

  // Removing a guest who already left: a clear answer, nothing changes.
  const identity = await ownIdentity(viewer.page);
  const before = await seatsOf(roomNumber);
  const removed = await stageCommand(host.page, roomNumber, { op: "remove", identity });
  expect(removed.status).toBe(404);
  expect(removed.body.error?.message).toBe("That person is not on stage.");
  expect(await seatsOf(roomNumber)).toEqual(before);
  expect(before[0]?.exit).toBe("LEFT");

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, viewer.context].map((c) => c.close()));
});

test("at most 3 guests: two accepting the last seat at once, one gets it and the other is told the stage is full", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Full stage");
  const people = [];
  for (const name of ["Amy", "Ben", "Cat", "Dan"]) {
    const person = await userPage(browser, name);
    await person.page.goto(`/shows/${roomNumber}`);
    await expectVideoPlaying(person.page.getByTestId("host-video"));
    people.push(person);
  }
  const [amy, ben, cat, dan] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
  await bringOnStage(host.page, amy.page, amy.user.name);
  await bringOnStage(host.page, ben.page, ben.user.name);

  // Two invites for the last seat, both accepted at the same moment.
  await inviteOnStage(host.page, cat.user.name);
  await inviteOnStage(host.page, dan.user.name);
  const dialogs = [cat, dan].map((p) => p.page.getByTestId("stage-invite"));
  for (const d of dialogs) await expect(d).toBeVisible({ timeout: 10_000 });
  await Promise.all(dialogs.map((d) => d.getByRole("button", { name: "Accept" }).click()));

  const onStage = async () => (await Promise.all([cat, dan].map((p) => p.page.getByTestId("guest-controls").count()))).join(",");
  await expect.poll(onStage, { timeout: 15_000 }).toMatch(/^(1,0|0,1)$/);
  const [winner, loser] = (await onStage()) === "1,0" ? [cat, dan] : [dan, cat];
  const loserDialog = loser.page.getByTestId("stage-invite");
  await expect(loserDialog.getByTestId("form-error")).toHaveText("The stage is full: 3 guests are on it already.");
  await expect(loser.page.getByTestId("guest-controls")).toHaveCount(0);

  const open = (await seatsOf(roomNumber)).filter((s) => s.leftAt === null);
  expect(open.map((s) => s.seat).sort()).toEqual([1, 2, 3]);
  await expect(host.page.getByTestId("stage-guest")).toHaveCount(3);
  await expect(host.page.getByTestId("guest-tile")).toHaveCount(3);
  await expectVideoPlaying(guestTile(host.page, winner.user.name).getByTestId("guest-video"), 20_000);

  // Still full for a new invite: a clear message in the studio, nothing stored.
  // The invite may have run out by now on a slow machine (its dialog closes by itself): decline it if it is still there.
  const decline = loserDialog.getByRole("button", { name: "Decline" });
  if (await decline.isVisible()) await decline.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(loserDialog).toHaveCount(0, { timeout: 30_000 });
  const requests = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "StageRequest"`);
  await inviteOnStage(host.page, loser.user.name);
  await expect(host.page.getByTestId("stage-panel").getByTestId("form-error")).toHaveText("The stage is full: 3 guests are on it already.");
  expect(await query<{ n: string }>(`SELECT count(*)::text AS n FROM "StageRequest"`)).toEqual(requests);
  await expect(loser.page.getByTestId("stage-invite")).toHaveCount(0);

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, ...people.map((p) => p.context)].map((c) => c.close()));
});

test("the host ends the show with two guests on stage: every page sees the end, the summary lists the guests", async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Finale with guests");
  const people = [];
  for (const name of ["Eve", "Fay", "Gus"]) {
    const person = await userPage(browser, name);
    await person.page.goto(`/shows/${roomNumber}`);
    await expectVideoPlaying(person.page.getByTestId("host-video"));
    people.push(person);
  }
  const [eve, fay, gus] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  await bringOnStage(host.page, eve.page, eve.user.name);
  await bringOnStage(host.page, fay.page, fay.user.name);
  await expect(gus.page.getByTestId("room-notices")).toContainText(`${fay.user.name} joined the stage`, { timeout: 15_000 });
  await expect(gus.page.getByTestId("guest-tile")).toHaveCount(2);

  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page.getByRole("heading", { name: "Your show has ended" })).toBeVisible({ timeout: 15_000 });
  for (const p of people) await expect(p.page.getByTestId("show-ended")).toBeVisible({ timeout: 15_000 });
  await expect(host.page.getByTestId("stage-guest-list")).toContainText(eve.user.name);
  await expect(host.page.getByTestId("stage-guest-list")).toContainText(fay.user.name);
  await expect(host.page.getByTestId("stage-guest-list")).not.toContainText(gus.user.name);

  const seats = await seatsOf(roomNumber);
  expect(seats.map((s) => s.exit)).toEqual(["SHOW_ENDED", "SHOW_ENDED"]);
  await expect.poll(async () => (await roomService().listRooms([`show-${roomNumber}`])).length).toBe(0);
  await Promise.all([host.context, ...people.map((p) => p.context)].map((c) => c.close()));
});
