import type { ChatMessageView } from "@/lib/chat/events";

// A chat list as one client holds it: messages from the server in show order (seq), each once, and this
// client's own messages that are on their way or were refused, where they were typed. Pure
// functions over immutable values: the client applies a frame's worth of changes at a time.

export type LocalEntry = { kind: "local"; key: string; nonce: string; text: string; status: "sending" | "refused"; reason?: string };
export type MessageEntry = { kind: "message"; key: string; message: ChatMessageView; mine: boolean };
export type ChatEntry = LocalEntry | MessageEntry;

export type Timeline = {
  entries: readonly ChatEntry[];
  /** ids in `entries` */
  ids: ReadonlySet<number>;
  /** ids deleted while this client watched: a late copy must not bring one back */
  deleted: ReadonlySet<number>;
};

/**
 * Entries kept in memory; the list renders only what is on screen. The list's work per update
 * grows with this (its virtualiser lays out every entry), so a storm keeps the last 200.
 */
export const MAX_ENTRIES = 200;

export const emptyTimeline: Timeline = { entries: [], ids: new Set(), deleted: new Set() };

function entryOf(message: ChatMessageView, me: string): MessageEntry {
  return { kind: "message", key: `m${message.id}`, message, mine: message.user.id === me };
}

function capped(entries: ChatEntry[]): ChatEntry[] {
  return entries.length > MAX_ENTRIES ? entries.slice(entries.length - MAX_ENTRIES) : entries;
}

function newestSeq(entries: readonly ChatEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind === "message") return entry.message.seq;
  }
  return 0;
}

function idsOf(entries: readonly ChatEntry[]): Set<number> {
  const ids = new Set<number>();
  for (const e of entries) if (e.kind === "message") ids.add(e.message.id);
  return ids;
}

/**
 * Adds messages from the server: new ones in show order, a confirmation of one of our own
 * in place of its local copy, copies of ones we have (or deleted) not at all.
 * Returns the timeline and the messages that were new.
 */
export function addMessages(timeline: Timeline, incoming: readonly ChatMessageView[], me: string): { timeline: Timeline; added: ChatMessageView[] } {
  const added: ChatMessageView[] = [];
  let entries: ChatEntry[] | null = null;
  const ids = new Set(timeline.ids);
  for (const message of incoming) {
    if (ids.has(message.id) || timeline.deleted.has(message.id)) continue;
    ids.add(message.id);
    entries ??= [...timeline.entries];
    const local = message.nonce ? entries.findIndex((e) => e.kind === "local" && e.nonce === message.nonce) : -1;
    if (local >= 0) {
      entries[local] = entryOf(message, me);
      continue;
    }
    added.push(message);
    // Nearly always at the end; one that overtook another on the way goes before the first
    // message that comes after it.
    const at = newestSeq(entries) < message.seq ? entries.length : entries.findIndex((e) => e.kind === "message" && e.message.seq > message.seq);
    entries.splice(at, 0, entryOf(message, me));
  }
  if (!entries) return { timeline, added };
  const kept = capped(entries);
  return { timeline: { entries: kept, ids: kept.length === entries.length ? ids : idsOf(kept), deleted: timeline.deleted }, added };
}

/** Removes deleted messages (and remembers them, so a late copy stays out). */
export function removeMessages(timeline: Timeline, ids: readonly number[]): Timeline {
  if (ids.length === 0) return timeline;
  const gone = new Set(ids);
  const deleted = new Set(timeline.deleted);
  for (const id of ids) deleted.add(id);
  const entries = timeline.entries.filter((e) => !(e.kind === "message" && gone.has(e.message.id)));
  return { entries, ids: entries.length === timeline.entries.length ? timeline.ids : idsOf(entries), deleted };
}

/** Our own message, shown at once while the server decides. */
export function addLocal(timeline: Timeline, nonce: string, text: string): Timeline {
  const entry: LocalEntry = { kind: "local", key: `l${nonce}`, nonce, text, status: "sending" };
  return { ...timeline, entries: capped([...timeline.entries, entry]) };
}

/** The server refused our message: it stays, marked with the reason. */
export function refuseLocal(timeline: Timeline, nonce: string, reason: string): Timeline {
  const entries = timeline.entries.map((e): ChatEntry => (e.kind === "local" && e.nonce === nonce ? { ...e, status: "refused", reason } : e));
  return { ...timeline, entries };
}

/**
 * Which sequence numbers a client has accounted for: all up to `through` (received, deleted, or
 * vouched for by a catch-up), plus any seen beyond it. A number above `through` with one missing
 * below it is a gap: a message the room lost on its way to this client.
 */
export type SeqTracker = { through: number; beyond: ReadonlySet<number> };

export function trackSeqs(tracker: SeqTracker, seqs: Iterable<number>, vouchedThrough = 0): SeqTracker {
  let through = Math.max(tracker.through, vouchedThrough);
  const beyond = new Set<number>();
  for (const s of tracker.beyond) if (s > through) beyond.add(s);
  for (const s of seqs) if (s > through) beyond.add(s);
  while (beyond.delete(through + 1)) through += 1;
  return { through, beyond };
}

export function hasGap(tracker: SeqTracker): boolean {
  return tracker.beyond.size > 0;
}
