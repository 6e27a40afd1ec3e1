import { describe, expect, it, vi } from "vitest";

// Limits far above these tests' sends (the chat limit itself is in the e2e specs).
process.env.SUIXIN_RATE_LIMITS = JSON.stringify({ "chat.send": { points: 100_000 } });

// What the server sends into the room, event by event, caught where it would leave for LiveKit.
const sent = vi.hoisted(() => ({ payloads: [] as unknown[] }));
vi.mock("@/lib/livekit/rooms", () => ({
  sendRoomMessage: vi.fn(async (_room: string, _topic: string, payload: unknown) => {
    // One event or a batch of them (lib/events/broadcast: a busy room's events share packets).
    sent.payloads.push(...[payload].flat());
  }),
}));

const { db } = await import("@/lib/db");
const { sendChatMessage } = await import("@/lib/chat/send-message");
const { chatTarget } = await import("@/lib/chat/chat-target");

async function setup() {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const make = (name: string) =>
    db.user.create({ data: { email: `${name}-${tag}@example.test`, name, passwordHash: "x" }, select: { id: true, email: true, name: true, role: true, mutedAt: true, mutedUntil: true } });
  const [host, viewer] = [await make("host"), await make("viewer")];
  const show = await db.show.create({ data: { hostId: host.id, title: "Chat" }, select: { id: true, roomNumber: true } });
  const send = (as: typeof host, text: string) => sendChatMessage(as, { roomNumber: show.roomNumber, text });
  const stored = () => db.chatMessage.findMany({ where: { showId: show.id }, orderBy: { seq: "asc" }, select: { seq: true, text: true } });
  const chatOf = (text: string) => sent.payloads.filter((p) => (p as { message?: { text?: string } }).message?.text === text);
  // The show as the cache holds it from here on, for up to a second.
  await chatTarget(show.roomNumber);
  return { host, viewer, show, send, stored, chatOf };
}

describe("sending a chat message", () => {
  it("stores messages with the show's next numbers and sends each to the room after answering", async () => {
    const { viewer, send, stored, chatOf } = await setup();
    const answers = [];
    for (const text of ["one", "two", "three"]) answers.push(await send(viewer, text));
    expect(answers.map((a) => a.seq)).toEqual([1, 2, 3]);
    expect(await stored()).toEqual([
      { seq: 1, text: "one" },
      { seq: 2, text: "two" },
      { seq: 3, text: "three" },
    ]);
    await vi.waitFor(() => expect(chatOf("three")).toHaveLength(1));
    const order = sent.payloads.map((p) => (p as { message?: { text?: string } }).message?.text).filter((t) => ["one", "two", "three"].includes(t ?? ""));
    expect(order).toEqual(["one", "two", "three"]);
  });

  it("refuses a message to a show that ended a moment ago, though the cached show is still live", async () => {
    const { viewer, show, send, stored, chatOf } = await setup();
    await db.show.update({ where: { id: show.id }, data: { status: "ENDED", endedAt: new Date() } });
    await expect(send(viewer, "too late")).rejects.toMatchObject({ code: "SHOW_ENDED", message: "This show has ended, so its chat is closed." });
    expect(await stored()).toEqual([]);
    expect(await db.chatSequence.findUnique({ where: { showId: show.id } })).toBeNull();
    expect(chatOf("too late")).toEqual([]);
  });

  it("refuses a viewer muted a moment ago, takes no number, and still lets the host chat", async () => {
    const { host, viewer, show, send, stored } = await setup();
    await send(viewer, "before");
    await db.chatMute.create({ data: { showId: show.id, userId: viewer.id, mutedById: host.id } });
    await expect(send(viewer, "after")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "The host has muted you in this show, so your messages are not sent.",
    });
    await send(host, "host");
    expect(await stored()).toEqual([
      { seq: 1, text: "before" },
      { seq: 2, text: "host" },
    ]);
  });

  it("applies slow mode turned on a moment ago, though the cached show has it off", async () => {
    const { host, viewer, show, send, stored } = await setup();
    await db.show.update({ where: { id: show.id }, data: { slowModeSeconds: 30 } });
    await send(viewer, "first");
    await expect(send(viewer, "second")).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Slow mode is on: one message every 30 s. Try again in 30 s." });
    await send(host, "host is not held to it");
    expect((await stored()).map((m) => m.text)).toEqual(["first", "host is not held to it"]);
  });

  it("lets a viewer send again once slow mode was turned off a moment ago, though the cached show has it on", async () => {
    const { viewer, show, send, stored } = await setup();
    await db.show.update({ where: { id: show.id }, data: { slowModeSeconds: 30 } });
    await chatTarget(show.roomNumber, true);
    await send(viewer, "first");
    await db.show.update({ where: { id: show.id }, data: { slowModeSeconds: 0 } });
    await send(viewer, "second");
    expect((await stored()).map((m) => m.text)).toEqual(["first", "second"]);
  });
});
