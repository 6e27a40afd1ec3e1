import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

process.env.SUIXIN_RATE_LIMITS = JSON.stringify({ "gift.send": { points: 100_000 }, "wallet.grant": { points: 100_000 } });
vi.mock("@/lib/livekit/rooms", () => ({ sendRoomMessage: vi.fn(async () => undefined) }));

const { db } = await import("@/lib/db");
const { sendGift } = await import("@/lib/gifts/send-gift");
const { grantCoins } = await import("@/lib/wallet/grant-coins");
const { replayEventsOf } = await import("@/lib/recording/replay-events");
const { makeLiveShow, makeUser } = await import("@/lib/testing/fixtures");

describe("a show's replayed chat and gifts", () => {
  it("lists messages (not deleted ones) and gifts in the order they happened", async () => {
    const { host, show } = await makeLiveShow();
    const fan = await makeUser("Fan");
    const operator = await db.user.update({ where: { id: (await makeUser("Operator")).id }, data: { role: "OPERATOR" }, select: { id: true, email: true, name: true, role: true, mutedAt: true, mutedUntil: true } });
    const fanUser = await db.user.findUniqueOrThrow({ where: { id: fan.id }, select: { id: true, email: true, name: true, role: true, mutedAt: true, mutedUntil: true } });
    await grantCoins(operator, { email: fanUser.email, amount: 100, reason: "test funds" });
    const t0 = Date.now() - 30_000;
    await db.chatMessage.create({ data: { showId: show.id, userId: fan.id, seq: 1, text: "first", createdAt: new Date(t0) } });
    await db.chatMessage.create({ data: { showId: show.id, userId: host.id, seq: 2, text: "gone", createdAt: new Date(t0 + 1000), deletedAt: new Date() } });
    await sendGift(fanUser, { roomNumber: show.roomNumber, giftId: "rose", count: 2, idempotencyKey: randomUUID() });
    await db.chatMessage.create({ data: { showId: show.id, userId: host.id, seq: 3, text: "thanks", createdAt: new Date(Date.now() + 1000) } });

    const events = await replayEventsOf(show.id);
    expect(events.map((e) => (e.kind === "chat" ? `chat:${e.text}` : `gift:${e.gift}×${e.count}:${e.author}`))).toEqual([
      "chat:first",
      `gift:Rose×2:${fanUser.name}`,
      "chat:thanks",
    ]);
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
  });
});
