import "server-only";
import { ROOM_BATCH_MAX_EVENTS, type RoomEvent, type RoomMessage, ROOM_TOPIC, roomEventSchema } from "@/lib/events/schema";
import { sendRoomMessage } from "@/lib/livekit/rooms";
import { roomNameFor } from "@/lib/shows/room-name";

export type BroadcastOptions = {
  /** only these LiveKit identities get it (e.g. an invite); everyone when absent */
  to?: string[];
  /** lossy delivery, for high-rate events a client may miss (hearts); reliable otherwise */
  lossy?: boolean;
};

/** Sends a room event into a show's room, after the rule that produced it has committed. */
export async function broadcastRoomEvent(roomNumber: number, event: RoomEvent, options: BroadcastOptions = {}) {
  // The same schema the clients parse with: a malformed event fails here, not in every browser.
  await sendPacket(roomNumber, roomEventSchema.parse(event), options);
}

/** One data packet: one checked event, or several as a batch (lib/events/schema: RoomMessage). */
async function sendPacket(roomNumber: number, message: RoomMessage, options: BroadcastOptions) {
  await sendRoomMessage(roomNameFor(roomNumber), ROOM_TOPIC, message, { destinationIdentities: options.to, lossy: options.lossy });
}

/** An event that waited this long for the ones before it is dropped: clients have caught up by other means. */
export const IN_ORDER_STALE_MS = 10_000;
/**
 * Packets of one room in flight at once. Whatever queues behind them leaves as one batch when a
 * send returns: at a low rate every event goes at once on its own, and when LiveKit answers
 * slowly (bench:chat at load average 30: `SendData` took seconds) the batches grow instead of the
 * line, so a busy room never falls behind by more than about one send. One, not two: every
 * packet costs the app a request and LiveKit a send to each participant, and at 100 messages a
 * second two in flight left most packets with one event in them (bench:chat).
 */
export const IN_ORDER_MAX_IN_FLIGHT = 1;
/**
 * A room's packets leave at least this far apart: an event that finds the room quiet goes at
 * once, and in a busy room what comes within the gap goes in the next packet. Every packet costs
 * LiveKit a send to each participant and each of them a receive: in bench:chat (100 subscribers)
 * ≈ 0.5 % of a core per packet a second for LiveKit and 0.3 % for the subscribers, so at 100
 * chat messages a second one packet per message took most of the machine.
 */
export const MIN_PACKET_GAP_MS = 40;
/** A batch's size limit, well under what LiveKit takes in one reliable packet (~15 KiB). */
export const BATCH_MAX_BYTES = 12_000;

type Queued = { event: RoomEvent; bytes: number; options: BroadcastOptions; queuedAt: number; resolve: () => void; reject: (error: unknown) => void };
type Line = { waiting: Queued[]; inFlight: number; lastSentAt: number; timer?: ReturnType<typeof setTimeout> };

const rooms = globalThis as unknown as { suixinRoomLines?: Map<number, Line> };

function sameRecipients(a: BroadcastOptions, b: BroadcastOptions): boolean {
  return (a.lossy ?? false) === (b.lossy ?? false) && (a.to ?? []).join("\n") === (b.to ?? []).join("\n");
}

/** The next packet: the first waiting event that is not stale, and those right behind it for the same recipients. */
function takeBatch(line: Line): Queued[] {
  const now = Date.now();
  while (line.waiting.length > 0 && now - line.waiting[0]!.queuedAt > IN_ORDER_STALE_MS) {
    line.waiting.shift()!.reject(new Error(`dropped after waiting ${IN_ORDER_STALE_MS} ms for earlier events`));
  }
  const batch: Queued[] = [];
  let bytes = 0;
  for (const next of line.waiting) {
    if (batch.length > 0 && (batch.length >= ROOM_BATCH_MAX_EVENTS || bytes + next.bytes > BATCH_MAX_BYTES || !sameRecipients(batch[0]!.options, next.options))) break;
    batch.push(next);
    bytes += next.bytes;
  }
  line.waiting.splice(0, batch.length);
  return batch;
}

function pump(roomNumber: number, line: Line): void {
  while (line.inFlight < IN_ORDER_MAX_IN_FLIGHT && line.waiting.length > 0) {
    const gap = line.lastSentAt + MIN_PACKET_GAP_MS - Date.now();
    if (gap > 0) return wakeAfter(roomNumber, line, gap);
    const batch = takeBatch(line);
    if (batch.length === 0) break;
    line.inFlight += 1;
    line.lastSentAt = Date.now();
    const [first, ...more] = batch.map((q) => q.event);
    sendPacket(roomNumber, more.length === 0 ? first! : [first!, ...more], batch[0]!.options)
      .then(
        () => batch.forEach((q) => q.resolve()),
        (error: unknown) => batch.forEach((q) => q.reject(error)),
      )
      .finally(() => {
        line.inFlight -= 1;
        pump(roomNumber, line);
      });
  }
  // Idle: kept until its gap has passed (an event meanwhile still waits for it), then forgotten.
  if (line.inFlight === 0 && line.waiting.length === 0) wakeAfter(roomNumber, line, Math.max(0, line.lastSentAt + MIN_PACKET_GAP_MS - Date.now()));
}

/** Looks at the line again after `ms` (one timer at a time): sends what waits, or forgets the line when idle. */
function wakeAfter(roomNumber: number, line: Line, ms: number): void {
  if (line.timer) return;
  line.timer = setTimeout(() => {
    line.timer = undefined;
    if (line.inFlight === 0 && line.waiting.length === 0) rooms.suixinRoomLines?.delete(roomNumber);
    else pump(roomNumber, line);
  }, ms);
}

/**
 * Sends a committed room event after the events this instance queued for the room before it
 * (in that order, at most IN_ORDER_MAX_IN_FLIGHT packets at once and MIN_PACKET_GAP_MS apart,
 * the rest batched): callers that need not wait (a chat message's sender already has its answer)
 * leave the promise running.
 * Rejects when this event could not be sent (or waited IN_ORDER_STALE_MS); the next ones go on.
 * Per instance: another instance's events interleave, and clients order chat by its sequence numbers.
 */
export function broadcastInOrder(roomNumber: number, event: RoomEvent, options: BroadcastOptions = {}): Promise<void> {
  // An invalid event fails here, for its caller alone, not a whole batch later.
  const parsed = roomEventSchema.safeParse(event);
  if (!parsed.success) return Promise.reject(parsed.error);
  const bytes = Buffer.byteLength(JSON.stringify(parsed.data));
  const lines = (rooms.suixinRoomLines ??= new Map());
  let line = lines.get(roomNumber);
  if (!line) {
    line = { waiting: [], inFlight: 0, lastSentAt: 0 };
    lines.set(roomNumber, line);
  }
  const queued = line;
  return new Promise<void>((resolve, reject) => {
    queued.waiting.push({ event: parsed.data, bytes, options, queuedAt: Date.now(), resolve, reject });
    pump(roomNumber, queued);
  });
}
