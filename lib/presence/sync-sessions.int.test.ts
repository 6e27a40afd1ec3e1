import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { syncSessions } from "@/lib/presence/sync-sessions";
import { viewerIdentity } from "@/lib/shows/identity";
import { clearJobs, makeLiveShow, makeUser, queuedJobs } from "@/lib/testing/fixtures";

const at = (ms: number) => new Date(Date.now() + ms);

async function session(id: string, showId: string, userId: string, isHost: boolean, joinedAt: Date, leftAt: Date | null = null) {
  await db.participantSession.create({ data: { id, showId, userId, isHost, joinedAt, leftAt } });
}

async function openSessions(showId: string) {
  return (await db.participantSession.findMany({ where: { showId, leftAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
}

describe("syncSessions (reconcile) against a snapshot taken before it runs", () => {
  beforeEach(clearJobs);

  it("keeps sessions that joined after the snapshot, and the host present who joined after it", async () => {
    const { host, show } = await makeLiveShow();
    const viewer = await makeUser("Viewer");
    // The snapshot was asked for when the room was empty of these two...
    const snapshotAt = at(-2_000);
    // ...and both joined while its answer was on the way (their webhooks were applied first).
    await session("PA_host_late", show.id, host.id, true, at(-1_000));
    await session("PA_viewer_late", show.id, viewer.id, false, at(-500));

    await syncSessions(show, [], snapshotAt);

    expect(await openSessions(show.id)).toEqual(["PA_host_late", "PA_viewer_late"]);
    const after = await db.show.findUniqueOrThrow({ where: { id: show.id }, select: { viewerCount: true, hostAwaySince: true } });
    expect(after).toEqual({ viewerCount: 1, hostAwaySince: null });
    expect(await queuedJobs("events.send")).toEqual([]); // no "host away" flash
  });

  it("closes ghosts that joined before the snapshot and reopens present sessions closed before it", async () => {
    const { host, show } = await makeLiveShow();
    const ghost = await makeUser("Ghost");
    const back = await makeUser("Still here");
    const snapshotAt = at(-1_000);
    await session("PA_host", show.id, host.id, true, at(-60_000));
    await session("PA_ghost", show.id, ghost.id, false, at(-30_000)); // its participant_left was lost
    await session("PA_back", show.id, back.id, false, at(-30_000), at(-20_000)); // closed, yet in the room
    const inRoom = [
      { sid: "PA_host", identity: host.id, name: "Host", person: true, joinedAt: at(-60_000) },
      { sid: "PA_back", identity: viewerIdentity(back.id), name: "Still here", person: true, joinedAt: at(-30_000) },
    ];

    await syncSessions(show, inRoom, snapshotAt);

    expect(await openSessions(show.id)).toEqual(["PA_back", "PA_host"]);
    const after = await db.show.findUniqueOrThrow({ where: { id: show.id }, select: { viewerCount: true, hostAwaySince: true } });
    expect(after).toEqual({ viewerCount: 1, hostAwaySince: null });
  });

  it("does not reopen a session that left after the snapshot", async () => {
    const { host, show } = await makeLiveShow();
    const viewer = await makeUser("Leaver");
    const snapshotAt = at(-2_000);
    await session("PA_host2", show.id, host.id, true, at(-60_000));
    await session("PA_leaver", show.id, viewer.id, false, at(-30_000), at(-1_000)); // left while the answer was on the way
    const inRoom = [
      { sid: "PA_host2", identity: host.id, name: "Host", person: true, joinedAt: at(-60_000) },
      { sid: "PA_leaver", identity: viewerIdentity(viewer.id), name: "Leaver", person: true, joinedAt: at(-30_000) },
    ];

    await syncSessions(show, inRoom, snapshotAt);

    expect(await openSessions(show.id)).toEqual(["PA_host2"]);
  });

  it("marks a host gone at the snapshot away, once, and schedules the timeout check", async () => {
    const { host, show } = await makeLiveShow();
    await session("PA_host_gone", show.id, host.id, true, at(-60_000));

    await syncSessions(show, [], at(-1_000));
    await syncSessions(show, [], at(-500));

    const after = await db.show.findUniqueOrThrow({ where: { id: show.id }, select: { hostAwaySince: true } });
    expect(after.hostAwaySince).not.toBeNull();
    expect(await queuedJobs("events.send")).toEqual([{ roomNumber: show.roomNumber, event: { type: "host-away" } }]);
    expect(await queuedJobs("shows.host-timeout")).toEqual([{ showId: show.id }]);
  });
});
