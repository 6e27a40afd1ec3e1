import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openChannel } from "@/lib/push/channels";
import { addDestination, startHlsPush, stopDestination } from "@/lib/push/push";
import { saveSetting } from "@/lib/settings";
import { makeLiveShow, makeUser, uid } from "@/lib/testing/fixtures";

const asUser = (user: { id: string; name: string }): SessionUser => ({ id: user.id, name: user.name, email: `${user.id}@example.test`, role: "USER", mutedAt: null, mutedUntil: null });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function setting(key: "pushChannelLimit" | "pushChannelHoldSeconds" | "allowPrivateRtmp", value: unknown) {
  await db.$transaction((tx) => saveSetting(tx, key, value, null));
}

beforeEach(async () => {
  await db.setting.deleteMany({});
  await setting("pushChannelHoldSeconds", 3600);
});

describe("push channels", () => {
  it("returns the running channel for a second start (already pushing), starting nothing", async () => {
    const { host, show } = await makeLiveShow();
    const channel = await db.pushChannel.create({ data: { hostId: host.id, kind: "HLS" } });
    await db.egress.create({ data: { id: uid("EG"), showId: show.id, kind: "HLS", status: "ACTIVE", channelId: channel.id } });
    const status = await startHlsPush(asUser(host), show.roomNumber);
    expect(status.notice).toMatchObject({ code: "ALREADY_PUSHING", channelId: channel.id });
    expect(status.channels.map((c) => [c.id, c.state])).toEqual([[channel.id, "PUSHING"]]);
    expect(await db.egress.count({ where: { showId: show.id } })).toBe(1);
  });

  it("keeps a channel whose push ended within the hold, and reclaims it after", async () => {
    const { host, show } = await makeLiveShow();
    const channel = await db.pushChannel.create({ data: { hostId: host.id, kind: "HLS", createdAt: new Date(Date.now() - 7200_000) } });
    const egressId = uid("EG");
    await db.egress.create({
      data: { id: egressId, showId: show.id, kind: "HLS", status: "COMPLETE", channelId: channel.id, startedAt: new Date(Date.now() - 7000_000), endedAt: new Date(Date.now() - 600_000) },
    });
    const kept = await db.$transaction((tx) => openChannel(tx, host.id, "HLS"));
    expect(kept).toMatchObject({ pushing: false, created: false });
    expect(kept.channel.id).toBe(channel.id);

    await db.egress.update({ where: { id: egressId }, data: { endedAt: new Date(Date.now() - 3601_000) } });
    const fresh = await db.$transaction((tx) => openChannel(tx, host.id, "HLS"));
    expect(fresh.created).toBe(true);
    expect(fresh.channel.id).not.toBe(channel.id);
    expect((await db.pushChannel.findUniqueOrThrow({ where: { id: channel.id } })).closedAt).not.toBeNull();
  });

  it("refuses a channel over the account's limit, and opens nothing", async () => {
    const host = await makeUser();
    await setting("pushChannelLimit", 1);
    await db.$transaction((tx) => openChannel(tx, host.id, "HLS"));
    const error = await rejection(db.$transaction((tx) => openChannel(tx, host.id, "RTMP")));
    expect(error.code).toBe("CHANNEL_LIMIT");
    expect(error.message).toMatch(/^Channel limit reached/);
    expect(await db.pushChannel.count({ where: { hostId: host.id } })).toBe(1);
  });

  it("opens one channel per kind under concurrent starts", async () => {
    const host = await makeUser();
    const results = await Promise.all([0, 1, 2].map(() => db.$transaction((tx) => openChannel(tx, host.id, "HLS"))));
    expect(new Set(results.map((r) => r.channel.id)).size).toBe(1);
    expect(await db.pushChannel.count({ where: { hostId: host.id } })).toBe(1);
  });

  it("says the push timed out, with the reason, when Egress cannot start it; nothing is kept", async () => {
    const { host, show } = await makeLiveShow();
    const error = await rejection(startHlsPush(asUser(host), show.roomNumber));
    expect(error.code).toBe("PUSH_TIMEOUT");
    expect(error.message).toMatch(/^Push timed out, retry in 30 s\. The live video service is not reachable/);
    expect(error.retryAfterSeconds).toBe(30);
    expect(await db.pushChannel.count({ where: { hostId: host.id } })).toBe(0);
    expect(await db.egress.count({ where: { showId: show.id } })).toBe(0);
  });
});

describe("push destinations", () => {
  async function runningPush(destinations: number) {
    const { host, show } = await makeLiveShow();
    const channel = await db.pushChannel.create({ data: { hostId: host.id, kind: "RTMP" } });
    const egressId = uid("EG");
    await db.egress.create({ data: { id: egressId, showId: show.id, kind: "RTMP", status: "ACTIVE", channelId: channel.id } });
    const ids: string[] = [];
    for (let i = 0; i < destinations; i++) {
      const d = await db.pushDestination.create({
        data: { channelId: channel.id, egressId, url: `rtmp://1.1.1.${i}/live/key-${i}-abcdef`, label: "x", redactedUrl: `r${i}`, status: "ACTIVE" },
      });
      ids.push(d.id);
    }
    return { host, show, channel, ids };
  }

  it("refuses a fourth destination and stores nothing", async () => {
    const { host, show, channel } = await runningPush(3);
    const error = await rejection(addDestination(asUser(host), { roomNumber: show.roomNumber, url: "rtmp://1.1.1.9/live/fourth" }));
    expect(error.message).toBe("At most 3 destinations at once. Stop one first.");
    expect(await db.pushDestination.count({ where: { channelId: channel.id } })).toBe(3);
  });

  it("refuses a private destination before anything is stored", async () => {
    const { host, show } = await makeLiveShow();
    const error = await rejection(addDestination(asUser(host), { roomNumber: show.roomNumber, url: "rtmp://10.0.0.1/live/key" }));
    expect(error.code).toBe("VALIDATION");
    expect(await db.pushChannel.count({ where: { hostId: host.id } })).toBe(0);
  });

  it("lets only the channel's host stop a destination (403), and knows no made-up one (404)", async () => {
    const { show, ids } = await runningPush(1);
    const stranger = await makeUser("Stranger");
    const forbidden = await rejection(stopDestination(asUser(stranger), { roomNumber: show.roomNumber, destinationId: ids[0] ?? "" }));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect((await db.pushDestination.findUniqueOrThrow({ where: { id: ids[0] ?? "" } })).status).toBe("ACTIVE");
    const unknown = await rejection(stopDestination(asUser(stranger), { roomNumber: show.roomNumber, destinationId: "cmnosuchdestination000000" }));
    expect(unknown.code).toBe("NOT_FOUND");
  });

  it("refuses another host's show (403)", async () => {
    const { show } = await makeLiveShow();
    const stranger = await makeUser("Stranger");
    expect((await rejection(startHlsPush(asUser(stranger), show.roomNumber))).code).toBe("FORBIDDEN");
    expect((await rejection(addDestination(asUser(stranger), { roomNumber: show.roomNumber, url: "rtmp://1.1.1.1/live/k" }))).code).toBe("FORBIDDEN");
  });
});
