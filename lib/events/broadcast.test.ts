import { afterEach, describe, expect, it, vi } from "vitest";

// Where an event would leave for LiveKit: each send takes its own time, so sends that overlapped
// would arrive out of order.
const wire = vi.hoisted(() => ({ sent: [] as number[], delays: [] as number[], fail: new Set<number>() }));
vi.mock("@/lib/livekit/rooms", () => ({
  sendRoomMessage: vi.fn(async (_room: string, _topic: string, payload: { total: number }) => {
    await new Promise((resolve) => setTimeout(resolve, wire.delays[payload.total] ?? 0));
    if (wire.fail.has(payload.total)) throw new Error("LiveKit said no");
    wire.sent.push(payload.total);
  }),
}));

const { broadcastInOrder, IN_ORDER_STALE_MS } = await import("@/lib/events/broadcast");

const likes = (total: number) => ({ type: "likes" as const, total, burst: 1 });

afterEach(() => {
  wire.sent = [];
  wire.delays = [];
  wire.fail.clear();
  vi.useRealTimers();
});

describe("broadcastInOrder", () => {
  it("sends a room's events one after the other, in the order queued, even when earlier sends are slower", async () => {
    wire.delays = [30, 1, 20, 1];
    await Promise.all([0, 1, 2, 3].map((n) => broadcastInOrder(7, likes(n))));
    expect(wire.sent).toEqual([0, 1, 2, 3]);
  });

  it("goes on after a send that failed, and rejects only that one's promise", async () => {
    wire.fail.add(1);
    const outcomes = await Promise.allSettled([0, 1, 2].map((n) => broadcastInOrder(8, likes(n))));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(wire.sent).toEqual([0, 2]);
  });

  it("does not hold one room's events behind another's", async () => {
    wire.delays = [200, 1];
    const slow = broadcastInOrder(9, likes(0));
    await broadcastInOrder(10, likes(1));
    expect(wire.sent).toEqual([1]);
    await slow;
  });

  it("drops an event that waited too long behind earlier ones", async () => {
    vi.useFakeTimers();
    wire.delays = [IN_ORDER_STALE_MS + 1_000, 0];
    const first = broadcastInOrder(11, likes(0));
    const second = broadcastInOrder(11, likes(1));
    const secondOutcome = second.then(() => "sent", (error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(IN_ORDER_STALE_MS + 1_000);
    await first;
    expect(await secondOutcome).toMatch(/^dropped after waiting/);
    expect(wire.sent).toEqual([0]);
  });
});
