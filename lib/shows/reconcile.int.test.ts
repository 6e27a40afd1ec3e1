import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { LiveRoom } from "@/lib/livekit/rooms";
import { type LiveKitView, reconcileWithLiveKit } from "@/lib/shows/reconcile";
import { roomNameFor } from "@/lib/shows/room-name";
import { clearJobs, makeLiveShow, queuedJobs } from "@/lib/testing/fixtures";

/** LiveKit as reconcile sees it: a full listing that may lack rooms, and what each room answers itself. */
function view(listing: LiveRoom[], rooms: LiveRoom[]): LiveKitView {
  return {
    listRooms: async (names) => (names ? rooms.filter((r) => names.includes(r.name)) : listing),
    listParticipants: async () => [],
  };
}

const room = (name: string): LiveRoom => ({ name, numParticipants: 1, createdAt: new Date() });

async function status(showId: string) {
  return (await db.show.findUniqueOrThrow({ where: { id: showId }, select: { status: true, endReason: true } }));
}

describe("reconcile: a room missing from a listing", () => {
  beforeEach(async () => {
    await clearJobs();
    // Other tests' shows would be reconciled too: only this test's show is live.
    await db.show.updateMany({ where: { status: "LIVE" }, data: { status: "ENDED" } });
  });

  it("does not end a show whose room one listing left out but that answers for itself", async () => {
    const { show } = await makeLiveShow();
    await reconcileWithLiveKit(new Date(), view([], [room(roomNameFor(show.roomNumber))]));
    expect(await status(show.id)).toEqual({ status: "LIVE", endReason: null });
    expect(await queuedJobs("shows.ended")).toEqual([]);
  });

  it("ends a show whose room is gone, once, with its follow-up work queued", async () => {
    const { show } = await makeLiveShow();
    await reconcileWithLiveKit(new Date(), view([], []));
    await reconcileWithLiveKit(new Date(), view([], []));
    expect(await status(show.id)).toEqual({ status: "ENDED", endReason: "ROOM_GONE" });
    expect(await queuedJobs("shows.ended")).toEqual([{ showId: show.id, roomNumber: show.roomNumber, reason: "ROOM_GONE" }]);
  });

  it("leaves a brand-new show alone while its room is being created", async () => {
    const { show } = await makeLiveShow(1_000);
    await reconcileWithLiveKit(new Date(), view([], []));
    expect(await status(show.id)).toEqual({ status: "LIVE", endReason: null });
  });
});
