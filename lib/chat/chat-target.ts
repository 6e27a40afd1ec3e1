import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const select = { id: true, roomNumber: true, status: true, hostId: true, slowModeSeconds: true } as const;

// Every message looks its show up by room number. Of what it needs, only the status and slow
// mode change, and the send's own statement checks both again (send-message.ts); so each
// instance keeps a show for a second instead of asking the database for every message.
const CACHE_MS = 1_000;
const MAX_KEPT = 1_000;

export type ChatTarget = { id: string; roomNumber: number; status: "LIVE" | "ENDED"; hostId: string; slowModeSeconds: number };

const state = globalThis as unknown as { suixinChatTargets?: Map<number, { at: number; show: Promise<ChatTarget | null> }> };

/** The show a message goes to (at most a second old; `fresh`: read now), or NOT_FOUND. */
export async function chatTarget(roomNumber: number, fresh = false): Promise<ChatTarget> {
  const cache = (state.suixinChatTargets ??= new Map());
  const now = Date.now();
  let hit = cache.get(roomNumber);
  if (!hit || fresh || now - hit.at >= CACHE_MS) {
    if (cache.size >= MAX_KEPT) for (const [key, entry] of cache) if (now - entry.at >= CACHE_MS) cache.delete(key);
    hit = { at: now, show: db.show.findUnique({ where: { roomNumber }, select }) };
    cache.set(roomNumber, hit);
    const mine = hit;
    mine.show.catch(() => cache.get(roomNumber) === mine && cache.delete(roomNumber));
  }
  const show = await hit.show;
  if (!show) {
    cache.delete(roomNumber); // a show may start in this room any moment
    throw new AppError("NOT_FOUND", `There is no show in room ${roomNumber}.`);
  }
  return show;
}
