import { expect } from "@playwright/test";
import { test } from "./support/test";
import type { Room } from "livekit-client";
import { goLive } from "./support/studio";
import {
  acceptInvite,
  bringOnStage,
  exposeRoom,
  guestTile,
  inviteOnStage,
  participantsOf,
  seatsOf,
  stageCommand,
  userIdOf,
} from "./support/stage";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

test.setTimeout(240_000);

const CAMERA = 1;
const MICROPHONE = 2;

test("host controls: screen share refused, mic muted (and held) then unmuted, removed guest refused by the SFU", async ({ browser }) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Host controls");
  const guest = await userPage(browser, "Ike");
  const viewer = await userPage(browser, "Jo");
  for (const p of [guest, viewer]) {
    await p.page.goto(`/shows/${roomNumber}`);
    await expectVideoPlaying(p.page.getByTestId("host-video"));
  }
  await bringOnStage(host.page, guest.page, guest.user.name);
  const tile = guestTile(viewer.page, guest.user.name);
  await expectVideoPlaying(tile.getByTestId("guest-video"));
  await expect(viewer.page.getByTestId("room-notices")).toContainText(`${guest.user.name} joined the stage`, { timeout: 15_000 });
  const guestId = await userIdOf(guest.user.email);
  const tracksOfGuest = async () => (await participantsOf(roomNumber, guestId)).flatMap((p) => p.tracks);

  // A guest may publish camera and microphone only: a screen share is refused, by the SFU too.
  await exposeRoom(guest.page);
  const screen = await guest.page.evaluate(async () => {
    const room = (window as unknown as { __room: Room }).__room;
    const [track] = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks();
    const attempt = async () => {
      try {
        await room.localParticipant.publishTrack(track!, { source: "screen_share" as never, name: "screen" });
        return "published";
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    };
    const asIs = await attempt();
    Object.assign(room.localParticipant.permissions ?? {}, { canPublishSources: [] });
    const forced = await attempt();
    track!.stop();
    return { asIs, forced };
  });
  expect(screen.asIs).toMatch(/^refused/);
  expect(screen.forced).toMatch(/^refused/);
  expect((await tracksOfGuest()).map((t) => t.source).sort()).toEqual([CAMERA, MICROPHONE]);

  // The host mutes the guest's microphone: viewers see it muted, the guest sees who did it.
  const guestRow = host.page.getByTestId("stage-guest").filter({ hasText: guest.user.name });
  await guestRow.getByRole("button", { name: "Mute microphone" }).click();
  await expect(tile).toHaveAttribute("data-mic-muted", "true", { timeout: 10_000 });
  await expect(tile.getByTestId("guest-mic-muted")).toBeVisible();
  await expect(viewer.page.getByTestId("room-notices")).toContainText(`The host muted ${guest.user.name}’s microphone`);
  const micToggle = guest.page.getByTestId("guest-mic-toggle");
  await expect(micToggle).toHaveText("Microphone muted by the host");
  await expect(micToggle).toBeDisabled();
  const micMuted = async () => (await tracksOfGuest()).find((t) => t.source === MICROPHONE)?.muted;
  expect(await micMuted()).toBe(true);

  // The guest's browser unmutes anyway (around the disabled button): the viewer's browser sees
  // it come through, and then the server mutes it again.
  await exposeRoom(viewer.page);
  const guestIdentity = await tile.getAttribute("data-identity");
  await viewer.page.evaluate((identity) => {
    const w = window as unknown as { __room: Room; __unmutes: number };
    w.__unmutes = 0;
    w.__room.on("trackUnmuted", (publication, participant) => {
      if (participant.identity === identity && publication.source === "microphone") w.__unmutes += 1;
    });
  }, guestIdentity);
  await guest.page.evaluate(() => (window as unknown as { __room: Room }).__room.localParticipant.setMicrophoneEnabled(true));
  await expect.poll(() => viewer.page.evaluate(() => (window as unknown as { __unmutes: number }).__unmutes)).toBeGreaterThan(0);
  await expect.poll(micMuted, { timeout: 10_000 }).toBe(true);
  await expect(tile).toHaveAttribute("data-mic-muted", "true", { timeout: 10_000 });

  // The host lifts the mute: the microphone is live again for everyone.
  await guestRow.getByRole("button", { name: "Unmute microphone" }).click();
  await expect(tile).toHaveAttribute("data-mic-muted", "false", { timeout: 10_000 });
  await expect(micToggle).toHaveText("Mute microphone");
  expect(await micMuted()).toBe(false);

  // The host turns the guest's camera off: viewers see it off, the guest cannot turn it back on;
  // the host turns it on again and the picture comes back.
  const cameraMuted = async () => (await tracksOfGuest()).find((t) => t.source === CAMERA)?.muted;
  await guestRow.getByRole("button", { name: "Turn camera off" }).click();
  await expect(tile).toHaveAttribute("data-camera-muted", "true", { timeout: 10_000 });
  await expect(viewer.page.getByTestId("room-notices")).toContainText(`The host muted ${guest.user.name}’s camera`);
  const cameraToggle = guest.page.getByTestId("guest-camera-toggle");
  await expect(cameraToggle).toHaveText("Camera turned off by the host");
  await expect(cameraToggle).toBeDisabled();
  expect(await cameraMuted()).toBe(true);
  await guestRow.getByRole("button", { name: "Turn camera on" }).click();
  await expect(tile).toHaveAttribute("data-camera-muted", "false", { timeout: 10_000 });
  await expect(cameraToggle).toHaveText("Turn camera off");
  await expect.poll(cameraMuted).toBe(false);
  await expectVideoPlaying(tile.getByTestId("guest-video"));

  // Removed: rights revoked, tracks unpublished, a viewer again; the room is told.
  await guestRow.getByRole("button", { name: "Remove from stage" }).click();
  await expect(guest.page.getByTestId("guest-controls")).toHaveCount(0, { timeout: 10_000 });
  await expect(viewer.page.getByTestId("room-notices")).toContainText(`${guest.user.name} was taken off the stage by the host`);
  await expect(tile).toHaveCount(0);
  await expect.poll(async () => (await tracksOfGuest()).length).toBe(0);
  const [info] = await participantsOf(roomNumber, guestId);
  expect(info?.permission?.canPublish).toBe(false);
  expect(info?.attributes.role).toBe("viewer");

  // The removed guest's browser tries to publish again: refused, by the SFU as well.
  const again = await guest.page.evaluate(async () => {
    const room = (window as unknown as { __room: Room }).__room;
    const [track] = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks();
    const attempt = async () => {
      try {
        await room.localParticipant.publishTrack(track!);
        return "published";
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    };
    const asIs = await attempt();
    Object.assign(room.localParticipant.permissions ?? {}, { canPublish: true, canPublishSources: [] });
    const forced = await attempt();
    track!.stop();
    return { asIs, forced };
  });
  expect(again.asIs).toMatch(/^refused/);
  expect(again.forced).toMatch(/^refused/);
  expect(await tracksOfGuest()).toHaveLength(0);
  expect((await seatsOf(roomNumber)).map((s) => s.exit)).toEqual(["REMOVED"]);

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, guest.context, viewer.context].map((c) => c.close()));
});

test("a guest whose camera never starts is taken off stage after the deadline, and the host is told why", async ({ browser }) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "No camera");
  const guest = await userPage(browser, "Kim");
  // This browser's camera and microphone are blocked.
  await guest.context.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  });
  await guest.page.goto(`/shows/${roomNumber}`);
  await expectVideoPlaying(guest.page.getByTestId("host-video"));

  await inviteOnStage(host.page, guest.user.name);
  await acceptInvite(guest.page);
  await expect(guest.page.getByTestId("guest-controls").getByTestId("form-error")).toContainText("Camera or microphone unavailable");
  await expect(host.page.getByTestId("stage-guest")).toHaveAttribute("data-on-stage", "false");

  // The deadline is 20 s.
  await expect(host.page.getByTestId("room-notices")).toContainText(
    `${guest.user.name} was taken off the stage: camera and microphone did not start within 20 s`,
    { timeout: 40_000 },
  );
  await expect(guest.page.getByTestId("guest-controls")).toHaveCount(0);
  await expect(host.page.getByTestId("stage-guest")).toHaveCount(0);
  expect((await seatsOf(roomNumber)).map((s) => s.exit)).toEqual(["NO_PUBLISH"]);
  const [info] = await participantsOf(roomNumber, await userIdOf(guest.user.email));
  expect(info?.permission?.canPublish).toBe(false);

  // Nothing harmful in a double click on "leave" meanwhile: there is no seat to leave.
  const left = await stageCommand(guest.page, roomNumber, { op: "leave" });
  expect(left.status).toBe(200);

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, guest.context].map((c) => c.close()));
});

test("the host removes a guest (double click) while the guest leaves: one exit, one notice, a viewer again", async ({ browser }) => {
  const host = await userPage(browser, "Stagehost");
  const roomNumber = await goLive(host.page, "Race to the exit");
  const guest = await userPage(browser, "Lou");
  const viewer = await userPage(browser, "Max");
  for (const p of [guest, viewer]) {
    await p.page.goto(`/shows/${roomNumber}`);
    await expectVideoPlaying(p.page.getByTestId("host-video"));
  }
  await bringOnStage(host.page, guest.page, guest.user.name);
  await expect(viewer.page.getByTestId("room-notices")).toContainText(`${guest.user.name} joined the stage`, { timeout: 15_000 });

  const remove = host.page.getByTestId("stage-guest").filter({ hasText: guest.user.name }).getByRole("button", { name: "Remove from stage" });
  // Whichever wins: when the host's removal lands first, the guest's button is gone before the click.
  const leave = guest.page.getByRole("button", { name: "Leave the stage" }).click({ timeout: 10_000 }).catch(() => undefined);
  await Promise.all([remove.dblclick(), leave]);

  await expect(guest.page.getByTestId("guest-controls")).toHaveCount(0, { timeout: 10_000 });
  await expect(guest.page.getByTestId("raise-hand")).toBeVisible();
  await expect(guestTile(viewer.page, guest.user.name)).toHaveCount(0, { timeout: 10_000 });
  await expect(host.page.getByTestId("stage-guest")).toHaveCount(0, { timeout: 10_000 });
  const exits = (await seatsOf(roomNumber)).map((s) => s.exit);
  expect(exits).toHaveLength(1);
  expect(["REMOVED", "LEFT"]).toContain(exits[0]);
  const guestId = await userIdOf(guest.user.email);
  await expect.poll(async () => (await participantsOf(roomNumber, guestId)).flatMap((p) => p.tracks).length).toBe(0);
  await expect.poll(async () => (await participantsOf(roomNumber, guestId))[0]?.permission?.canPublish).toBe(false);

  // Exactly one "off the stage" notice reached the viewer, whichever click won.
  const notices = viewer.page.getByTestId("room-notices").locator("li");
  const offStage = notices.filter({ hasText: new RegExp(`^${guest.user.name} (left the stage|was taken off the stage by the host)$`) });
  await expect(offStage).toHaveCount(1);
  // Still one once a later notice of this room arrived (a room's queued notices are sent in order):
  // someone else joins.
  const late = await userPage(browser, "Ned");
  await late.page.goto(`/shows/${roomNumber}`);
  await expect(notices.filter({ hasText: `${late.user.name} joined` })).toHaveCount(1, { timeout: 20_000 });
  await expect(offStage).toHaveCount(1);

  await host.page.getByRole("button", { name: "End show" }).click();
  await Promise.all([host.context, guest.context, viewer.context, late.context].map((c) => c.close()));
});
