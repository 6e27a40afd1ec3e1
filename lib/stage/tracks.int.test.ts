import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { roomNameFor } from "@/lib/shows/room-name";
import { hostIdentity, viewerIdentity } from "@/lib/shows/identity";
import { revokeStageAccessJob } from "@/lib/stage/seats";
import { clearJobs, makeLiveShow, makeUser, queuedJobs, uid } from "@/lib/testing/fixtures";
import { applyLiveKitEvent } from "@/lib/webhooks/apply-livekit-event";

async function seatedGuest() {
  const { show } = await makeLiveShow();
  const guest = await makeUser("Guest");
  const identity = viewerIdentity(guest.id);
  const seat = await db.stageSeat.create({ data: { showId: show.id, userId: guest.id, identity, seat: 1 }, select: { id: true } });
  const trackEvent = (event: "track_published" | "track_unpublished", sid: string, source: "camera" | "microphone") => ({
    id: uid("EV"),
    event,
    createdAt: new Date(),
    roomName: roomNameFor(show.roomNumber),
    participant: { sid: uid("PA"), identity, name: guest.name, person: true },
    track: { sid, source },
  });
  return { show, guest, identity, seat, trackEvent };
}

const seatRow = (id: string) =>
  db.stageSeat.findUniqueOrThrow({ where: { id }, select: { onStageAt: true, leftAt: true, exit: true, cameraTrackSid: true, micTrackSid: true } });

describe("stage track webhooks, in the delivery's transaction", () => {
  beforeEach(clearJobs);

  it("queue 'joined the stage' once, when both camera and microphone are published", async () => {
    const { show, guest, identity, seat, trackEvent } = await seatedGuest();

    await applyLiveKitEvent(trackEvent("track_published", "TR_cam", "camera"));
    expect((await seatRow(seat.id)).onStageAt).toBeNull();
    expect(await queuedJobs("events.send")).toEqual([]);

    await applyLiveKitEvent(trackEvent("track_published", "TR_mic", "microphone"));
    // The camera again (a new delivery, e.g. republished): no second notice.
    await applyLiveKitEvent(trackEvent("track_published", "TR_cam2", "camera"));

    const after = await seatRow(seat.id);
    expect(after.onStageAt).not.toBeNull();
    expect(after).toMatchObject({ cameraTrackSid: "TR_cam2", micTrackSid: "TR_mic", leftAt: null });
    expect(await queuedJobs("events.send")).toEqual([
      { roomNumber: show.roomNumber, event: { type: "stage-joined", identity, name: guest.name } },
      { roomNumber: show.roomNumber, event: { type: "stage-changed" }, to: [hostIdentity(show.hostId)] },
    ]);
  });

  it("take a guest whose published track went away off stage: seat closed, notices and the revoke queued, no LiveKit call", async () => {
    const { show, guest, identity, seat, trackEvent } = await seatedGuest();
    await applyLiveKitEvent(trackEvent("track_published", "TR_cam", "camera"));
    await applyLiveKitEvent(trackEvent("track_published", "TR_mic", "microphone"));
    await clearJobs();

    // About a track this seat no longer has: ignored.
    await applyLiveKitEvent(trackEvent("track_unpublished", "TR_old", "camera"));
    expect((await seatRow(seat.id)).leftAt).toBeNull();

    await applyLiveKitEvent(trackEvent("track_unpublished", "TR_mic", "microphone"));
    await applyLiveKitEvent(trackEvent("track_unpublished", "TR_cam", "camera")); // the seat is closed already
    expect(await seatRow(seat.id)).toMatchObject({ exit: "DISCONNECTED" });
    expect((await seatRow(seat.id)).leftAt).not.toBeNull();
    expect(await queuedJobs("stage.revoke-access")).toEqual([{ showId: show.id, identity }]);
    expect(await queuedJobs("events.send")).toEqual([
      { roomNumber: show.roomNumber, event: { type: "stage-left", identity, name: guest.name, reason: "disconnected" } },
      { roomNumber: show.roomNumber, event: { type: "stage-changed" }, to: [hostIdentity(show.hostId)] },
    ]);
  });

  it("never announce a guest whose seat closed before their second track arrived", async () => {
    const { seat, trackEvent } = await seatedGuest();
    await applyLiveKitEvent(trackEvent("track_published", "TR_cam", "camera"));
    await db.stageSeat.update({ where: { id: seat.id }, data: { leftAt: new Date(), exit: "REMOVED" } });
    await applyLiveKitEvent(trackEvent("track_published", "TR_mic", "microphone"));
    expect((await seatRow(seat.id)).onStageAt).toBeNull();
    expect(await queuedJobs("events.send")).toEqual([]);
  });
});

describe("stage.revoke-access", () => {
  it("leaves a connection that is seated again alone (it would otherwise call LiveKit, unreachable here)", async () => {
    const { show, identity } = await seatedGuest();
    await expect(revokeStageAccessJob.run({ showId: show.id, identity })).resolves.toBeUndefined();
  });
});
