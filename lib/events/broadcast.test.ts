import { afterEach, describe, expect, it, vi } from "vitest";

type Likes = { type: "likes"; total: number; burst: number };
type Options = { destinationIdentities?: string[]; lossy?: boolean };

// Where a packet would leave for LiveKit: each send takes the time its first event says.
const wire = vi.hoisted(() => ({
  packets: [] as { totals: number[]; options: Options; bytes: number; at: number }[],
  sent: [] as number[],
  delays: [] as number[],
  fail: new Set<number>(),
  inFlight: 0,
  maxInFlight: 0,
}));
vi.mock("@/lib/livekit/rooms", () => ({
  sendRoomMessage: vi.fn(async (_room: string, _topic: string, payload: Likes | Likes[], options: Options) => {
    const events = Array.isArray(payload) ? payload : [payload];
    const totals = events.map((e) => e.total);
    wire.packets.push({ totals, options, bytes: Buffer.byteLength(JSON.stringify(payload)), at: performance.now() });
    wire.inFlight += 1;
    wire.maxInFlight = Math.max(wire.maxInFlight, wire.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, wire.delays[totals[0]!] ?? 0));
      if (totals.some((t) => wire.fail.has(t))) throw new Error("LiveKit said no");
      wire.sent.push(...totals);
    } finally {
      wire.inFlight -= 1;
    }
  }),
}));

const { broadcastInOrder, BATCH_MAX_BYTES, IN_ORDER_MAX_IN_FLIGHT, IN_ORDER_STALE_MS, MIN_PACKET_GAP_MS } = await import("@/lib/events/broadcast");
const { parseRoomEvents, ROOM_BATCH_MAX_EVENTS } = await import("@/lib/events/schema");

const likes = (total: number): Likes => ({ type: "likes", total, burst: 1 });
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

afterEach(() => {
  Object.assign(wire, { packets: [], sent: [], delays: [], inFlight: 0, maxInFlight: 0 });
  wire.fail.clear();
  vi.useRealTimers();
});

describe("broadcastInOrder", () => {
  it("sends at most IN_ORDER_MAX_IN_FLIGHT packets at once and batches what waits behind them, in order", async () => {
    wire.delays = range(3).map(() => 20);
    await Promise.all(range(30).map((i) => broadcastInOrder(7, likes(i))));
    expect(wire.maxInFlight).toBe(IN_ORDER_MAX_IN_FLIGHT);
    // The first ones go at once, alone; the rest waited and left together.
    expect(wire.packets.map((p) => p.totals)).toEqual([...range(IN_ORDER_MAX_IN_FLIGHT).map((i) => [i]), range(30 - IN_ORDER_MAX_IN_FLIGHT, IN_ORDER_MAX_IN_FLIGHT)]);
    expect([...wire.sent].sort((a, b) => a - b)).toEqual(range(30));
  });

  it("sends an event at once, alone, when nothing is in flight", async () => {
    await broadcastInOrder(7, likes(1));
    await broadcastInOrder(7, likes(2));
    expect(wire.packets.map((p) => p.totals)).toEqual([[1], [2]]);
  });

  it("sends a room's packets at least MIN_PACKET_GAP_MS apart, what comes meanwhile in one", async () => {
    const start = performance.now();
    await broadcastInOrder(15, likes(0));
    expect(performance.now() - start).toBeLessThan(MIN_PACKET_GAP_MS); // a quiet room's event goes at once
    await Promise.all(range(5, 1).map((i) => broadcastInOrder(15, likes(i))));
    expect(wire.packets.map((p) => p.totals)).toEqual([[0], [1, 2, 3, 4, 5]]);
    expect(wire.packets[1]!.at - wire.packets[0]!.at).toBeGreaterThanOrEqual(MIN_PACKET_GAP_MS - 1);
    // Another room has its own gap.
    const other = performance.now();
    await broadcastInOrder(16, likes(9));
    expect(performance.now() - other).toBeLessThan(MIN_PACKET_GAP_MS);
  });

  it("keeps a batch within its count and size limits", async () => {
    wire.delays = range(IN_ORDER_MAX_IN_FLIGHT).map(() => 20);
    const n = ROOM_BATCH_MAX_EVENTS * 3;
    await Promise.all(range(n).map((i) => broadcastInOrder(12, likes(i))));
    for (const packet of wire.packets) {
      expect(packet.totals.length).toBeLessThanOrEqual(ROOM_BATCH_MAX_EVENTS);
      expect(packet.bytes).toBeLessThanOrEqual(BATCH_MAX_BYTES + 2);
    }
    expect(wire.packets.flatMap((p) => p.totals)).toEqual(range(n));
  });

  it("batches only events for the same recipients and delivery", async () => {
    wire.delays = range(IN_ORDER_MAX_IN_FLIGHT).map(() => 20);
    await Promise.all([
      ...range(IN_ORDER_MAX_IN_FLIGHT).map((i) => broadcastInOrder(13, likes(i))),
      broadcastInOrder(13, likes(10)),
      broadcastInOrder(13, likes(11)),
      broadcastInOrder(13, likes(12), { to: ["host"] }),
      broadcastInOrder(13, likes(13), { lossy: true }),
      broadcastInOrder(13, likes(14), { lossy: true }),
    ]);
    const later = wire.packets.slice(IN_ORDER_MAX_IN_FLIGHT);
    expect(later.map((p) => p.totals)).toEqual([[10, 11], [12], [13, 14]]);
    expect(later[1]!.options.destinationIdentities).toEqual(["host"]);
    expect(later[2]!.options.lossy).toBe(true);
  });

  it("goes on after a packet that failed, and rejects only its events' promises", async () => {
    wire.fail.add(1);
    const outcomes = await Promise.allSettled([0, 1, 2].map((n) => broadcastInOrder(8, likes(n))));
    // 0 went alone; 1 and 2 waited behind it and shared the packet that failed.
    expect(wire.packets.map((p) => p.totals)).toEqual([[0], [1, 2]]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(wire.sent).toEqual([0]);
    // The line goes on.
    await broadcastInOrder(8, likes(3));
    expect(wire.sent).toEqual([0, 3]);
  });

  it("refuses an invalid event at once without holding the room's line", async () => {
    const bad = { type: "likes", total: -1 } as unknown as Likes;
    await expect(broadcastInOrder(14, bad)).rejects.toThrow();
    await broadcastInOrder(14, likes(3));
    expect(wire.packets.map((p) => p.totals)).toEqual([[3]]);
  });

  it("does not hold one room's events behind another's", async () => {
    // Room 9's line is full and has more waiting; room 10's event goes at once.
    wire.delays = range(IN_ORDER_MAX_IN_FLIGHT).map(() => 200);
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
    expect(wire.packets.flatMap((p) => p.totals)).not.toContain(99);
  });
});

describe("parseRoomEvents", () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it("reads one event or a batch, in order, and drops only what does not parse", () => {
    expect(parseRoomEvents(encode(likes(1)))).toEqual([likes(1)]);
    expect(parseRoomEvents(encode([likes(1), { type: "nope" }, likes(2)]))).toEqual([likes(1), likes(2)]);
    expect(parseRoomEvents(new TextEncoder().encode("{"))).toEqual([]);
    expect(parseRoomEvents(encode(range(ROOM_BATCH_MAX_EVENTS + 5).map(likes)))).toHaveLength(ROOM_BATCH_MAX_EVENTS);
  });
});
