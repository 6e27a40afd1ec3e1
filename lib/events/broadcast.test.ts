import { afterEach, describe, expect, it, vi } from "vitest";

// Where an event would leave for LiveKit: each send takes its own time.
const wire = vi.hoisted(() => ({ started: [] as number[], sent: [] as number[], delays: [] as number[], fail: new Set<number>(), inFlight: 0, maxInFlight: 0 }));
vi.mock("@/lib/livekit/rooms", () => ({
  sendRoomMessage: vi.fn(async (_room: string, _topic: string, payload: { total: number }) => {
    wire.started.push(payload.total);
    wire.inFlight += 1;
    wire.maxInFlight = Math.max(wire.maxInFlight, wire.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, wire.delays[payload.total] ?? 0));
      if (wire.fail.has(payload.total)) throw new Error("LiveKit said no");
      wire.sent.push(payload.total);
    } finally {
      wire.inFlight -= 1;
    }
  }),
}));

const { broadcastInOrder, IN_ORDER_MAX_IN_FLIGHT, IN_ORDER_STALE_MS } = await import("@/lib/events/broadcast");

const likes = (total: number) => ({ type: "likes" as const, total, burst: 1 });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

afterEach(() => {
  Object.assign(wire, { started: [], sent: [], delays: [], inFlight: 0, maxInFlight: 0 });
  wire.fail.clear();
  vi.useRealTimers();
});

describe("broadcastInOrder", () => {
  it("starts a room's sends in the order queued, at most IN_ORDER_MAX_IN_FLIGHT at once", async () => {
    const n = IN_ORDER_MAX_IN_FLIGHT * 3;
    wire.delays = range(n).map((i) => (i * 7) % 13);
    await Promise.all(range(n).map((i) => broadcastInOrder(7, likes(i))));
    expect(wire.started).toEqual(range(n));
    expect(wire.maxInFlight).toBe(IN_ORDER_MAX_IN_FLIGHT);
    expect([...wire.sent].sort((a, b) => a - b)).toEqual(range(n));
  });

  it("goes on after a send that failed, and rejects only that one's promise", async () => {
    wire.fail.add(1);
    const outcomes = await Promise.allSettled([0, 1, 2].map((n) => broadcastInOrder(8, likes(n))));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(wire.sent.sort()).toEqual([0, 2]);
  });

  it("does not hold one room's events behind another's", async () => {
    // Room 9's line is full and has one more waiting; room 10's event goes at once.
    wire.delays = range(IN_ORDER_MAX_IN_FLIGHT + 1).map(() => 200);
    wire.delays[100] = 1;
    const slow = range(IN_ORDER_MAX_IN_FLIGHT + 1).map((i) => broadcastInOrder(9, likes(i)));
    await broadcastInOrder(10, likes(100));
    expect(wire.sent).toEqual([100]);
    await Promise.all(slow);
  });

  it("drops an event that waited too long behind earlier ones", async () => {
    vi.useFakeTimers();
    wire.delays = range(IN_ORDER_MAX_IN_FLIGHT).map(() => IN_ORDER_STALE_MS + 1_000);
    const first = range(IN_ORDER_MAX_IN_FLIGHT).map((i) => broadcastInOrder(11, likes(i)));
    const late = broadcastInOrder(11, likes(99)).then(() => "sent", (error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(IN_ORDER_STALE_MS + 1_000);
    await Promise.all(first);
    expect(await late).toMatch(/^dropped after waiting/);
    expect(wire.started).not.toContain(99);
  });
});
