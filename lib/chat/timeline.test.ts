import { describe, expect, it } from "vitest";
import type { ChatMessageView } from "./events";
import { addLocal, addMessages, emptyTimeline, hasGap, MAX_ENTRIES, refuseLocal, removeMessages, type Timeline, trackSeqs } from "./timeline";

const me = "me";
function msg(id: number, extra: Partial<ChatMessageView> = {}): ChatMessageView {
  return { id, seq: id, text: `m${id}`, sentAt: new Date(id * 1000).toISOString(), user: { id: "u", name: "U" }, badge: null, ...extra };
}
const keys = (t: Timeline) => t.entries.map((e) => e.key);
const add = (t: Timeline, ...ids: number[]) => addMessages(t, ids.map((id) => msg(id)), me).timeline;

describe("chat timeline", () => {
  it("keeps messages in id order, each once", () => {
    const t = add(add(emptyTimeline, 1, 2, 4), 4, 2, 3, 5);
    expect(keys(t)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
  });

  it("reports only the messages that were new", () => {
    const { added } = addMessages(add(emptyTimeline, 1), [msg(1), msg(2)], me);
    expect(added.map((m) => m.id)).toEqual([2]);
  });

  it("replaces our local copy with the server's, in place", () => {
    let t = addLocal(add(emptyTimeline, 1), "nonce-1234", "hi");
    t = add(t, 2);
    const { timeline, added } = addMessages(t, [msg(3, { nonce: "nonce-1234", user: { id: me, name: "Me" } })], me);
    // (its place is where it was typed, even though the server numbered it after m2)
    expect(keys(timeline)).toEqual(["m1", "m3", "m2"]);
    expect(added).toEqual([]);
    expect(timeline.entries[1]).toMatchObject({ kind: "message", mine: true });
  });

  it("marks a refused local message with the reason and keeps it", () => {
    const t = refuseLocal(addLocal(emptyTimeline, "nonce-1234", "hi"), "nonce-1234", "Slow mode is on");
    expect(t.entries).toEqual([{ kind: "local", key: "lnonce-1234", nonce: "nonce-1234", text: "hi", status: "refused", reason: "Slow mode is on" }]);
  });

  it("removes deleted messages and keeps late copies of them out", () => {
    let t = removeMessages(add(emptyTimeline, 1, 2, 3), [2]);
    t = add(t, 2, 4);
    expect(keys(t)).toEqual(["m1", "m3", "m4"]);
  });

  it("keeps at most MAX_ENTRIES, dropping the oldest", () => {
    const ids = Array.from({ length: MAX_ENTRIES + 20 }, (_, i) => i + 1);
    const t = add(emptyTimeline, ...ids);
    expect(t.entries).toHaveLength(MAX_ENTRIES);
    expect(t.entries[0]?.key).toBe("m21");
    expect(t.ids.has(1)).toBe(false);
  });

  it("orders by the show's sequence, not by id", () => {
    const t = addMessages(emptyTimeline, [msg(10, { seq: 2 }), msg(9, { seq: 3 }), msg(11, { seq: 1 })], me).timeline;
    expect(keys(t)).toEqual(["m11", "m10", "m9"]);
  });
});

describe("sequence gaps", () => {
  it("advances over contiguous numbers and holds the rest as a gap", () => {
    let t = trackSeqs({ through: 5, beyond: new Set() }, [6, 7]);
    expect(t).toEqual({ through: 7, beyond: new Set() });
    t = trackSeqs(t, [9, 10]);
    expect(t.through).toBe(7);
    expect(hasGap(t)).toBe(true);
    t = trackSeqs(t, [8]);
    expect(t).toEqual({ through: 10, beyond: new Set() });
  });

  it("closes a gap that a catch-up vouched for (deleted or too old to fetch)", () => {
    const t = trackSeqs({ through: 3, beyond: new Set([6, 9]) }, [], 8);
    expect(t).toEqual({ through: 9, beyond: new Set() });
  });

  it("ignores numbers already accounted for", () => {
    expect(trackSeqs({ through: 5, beyond: new Set() }, [2, 5])).toEqual({ through: 5, beyond: new Set() });
  });
});
