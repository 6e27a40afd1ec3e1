import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { roomNameFor } from "@/lib/shows/room-name";
import { viewerIdentity } from "@/lib/shows/identity";
import { clearJobs, makeLiveShow, makeUser, queuedJobs, uid } from "@/lib/testing/fixtures";
import { applyLiveKitEvent } from "@/lib/webhooks/apply-livekit-event";
import { purgeWebhookDeliveriesLoop } from "@/lib/webhooks/purge-loop";

describe("applyLiveKitEvent", () => {
  beforeEach(clearJobs);

  it("commits the delivery record, the session, the recount and the queued notice together, once", async () => {
    const { show } = await makeLiveShow();
    const viewer = await makeUser("Viewer");
    const identity = viewerIdentity(viewer.id);
    const event = {
      id: uid("EV"),
      event: "participant_joined",
      createdAt: new Date(),
      roomName: roomNameFor(show.roomNumber),
      participant: { sid: uid("PA"), identity, name: viewer.name, person: true },
    };

    expect(await applyLiveKitEvent(event)).toBe("applied");
    expect(await applyLiveKitEvent(event)).toBe("duplicate");

    expect(await db.webhookDelivery.count({ where: { id: event.id } })).toBe(1);
    expect(await db.participantSession.count({ where: { showId: show.id, leftAt: null } })).toBe(1);
    expect((await db.show.findUniqueOrThrow({ where: { id: show.id } })).viewerCount).toBe(1);
    // The notice is a job of the same transaction: sent once it committed, not inside the request.
    expect(await queuedJobs("events.send")).toEqual([
      { roomNumber: show.roomNumber, event: { type: "joined", identity, name: viewer.name, viewers: 1 } },
    ]);
  });

  it("keeps no delivery record when the event's effects fail, so LiveKit's retry applies it", async () => {
    const { show } = await makeLiveShow();
    const event = {
      id: uid("EV"),
      event: "participant_joined",
      createdAt: new Date(),
      roomName: roomNameFor(show.roomNumber),
      participant: { sid: uid("PA"), identity: show.hostId, name: "Host", person: true },
    };
    // The effects cannot complete: the show table is locked for longer than the transaction may take.
    const failing = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE "Show" IN ACCESS EXCLUSIVE MODE`;
        await new Promise((r) => setTimeout(r, 7_000));
      },
      { timeout: 10_000 },
    );
    await new Promise((r) => setTimeout(r, 200));
    await expect(applyLiveKitEvent(event)).rejects.toThrow();
    await failing.catch(() => undefined);
    expect(await db.webhookDelivery.count({ where: { id: event.id } })).toBe(0);
    expect(await queuedJobs("events.send")).toEqual([]);
  });

  it("ends the show of a finished room in the delivery's transaction, with one follow-up job", async () => {
    const { show } = await makeLiveShow();
    const event = { id: uid("EV"), event: "room_finished", createdAt: new Date(), roomName: roomNameFor(show.roomNumber) };
    await applyLiveKitEvent(event);
    await applyLiveKitEvent({ ...event, id: uid("EV") }); // LiveKit and reconcile may both say so
    const after = await db.show.findUniqueOrThrow({ where: { id: show.id }, select: { status: true, endReason: true } });
    expect(after).toEqual({ status: "ENDED", endReason: "ROOM_GONE" });
    expect(await queuedJobs("shows.ended")).toHaveLength(1);
  });
});

describe("webhook delivery records", () => {
  it("are purged after a day by the leader loop", async () => {
    const old = uid("EV_old");
    const recent = uid("EV_new");
    await db.webhookDelivery.createMany({
      data: [
        { id: old, event: "room_started", receivedAt: new Date(Date.now() - 25 * 3600_000) },
        { id: recent, event: "room_started", receivedAt: new Date(Date.now() - 23 * 3600_000) },
      ],
    });
    await purgeWebhookDeliveriesLoop.run();
    expect((await db.webhookDelivery.findMany({ where: { id: { in: [old, recent] } }, select: { id: true } })).map((r) => r.id)).toEqual([recent]);
  });
});
