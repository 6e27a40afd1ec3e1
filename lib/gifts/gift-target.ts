import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const select = { id: true, roomNumber: true, status: true, hostId: true, host: { select: { name: true } } } as const;

// Every send looks its show up by room number. What it needs never changes, except the status,
// which the send's own statement checks again (under a row lock); so each instance keeps a show
// for a second instead of asking the database for every gift.
const CACHE_MS = 1_000;
const MAX_KEPT = 1_000;

export type GiftTarget = { id: string; roomNumber: number; status: "LIVE" | "ENDED"; hostId: string; hostName: string };

const state = globalThis as unknown as { suixinGiftTargets?: Map<number, { at: number; show: Promise<GiftTarget | null> }> };

async function read(roomNumber: number): Promise<GiftTarget | null> {
  const show = await db.show.findUnique({ where: { roomNumber }, select });
  return show && { id: show.id, roomNumber: show.roomNumber, status: show.status, hostId: show.hostId, hostName: show.host.name };
}

/** The show a gift goes to (at most a second old), or NOT_FOUND. */
export async function giftTarget(roomNumber: number): Promise<GiftTarget> {
  const cache = (state.suixinGiftTargets ??= new Map());
  const now = Date.now();
  let hit = cache.get(roomNumber);
  if (!hit || now - hit.at >= CACHE_MS) {
    if (cache.size >= MAX_KEPT) for (const [key, entry] of cache) if (now - entry.at >= CACHE_MS) cache.delete(key);
    hit = { at: now, show: read(roomNumber) };
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
