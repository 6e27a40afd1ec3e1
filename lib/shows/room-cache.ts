import "server-only";
import { AppError } from "@/lib/errors";

const CACHE_MS = 1_000;
const MAX_KEPT = 1_000;

type Entry<T> = { at: number; show: Promise<T | null> };

/**
 * A per-instance cache of one read of a room's show, at most a second old: for hot paths (a chat
 * message, a gift) whose own statement checks again whatever may change. `fresh` reads now. A
 * missing show (NOT_FOUND) and a failed read are not kept.
 */
export function roomCache<T>(name: string, read: (roomNumber: number) => Promise<T | null>) {
  const state = globalThis as unknown as Record<string, Map<number, Entry<T>> | undefined>;
  const key = `suixinRoomCache:${name}`;
  return async function cached(roomNumber: number, fresh = false): Promise<T> {
    const cache = (state[key] ??= new Map());
    const now = Date.now();
    let hit = cache.get(roomNumber);
    if (!hit || fresh || now - hit.at >= CACHE_MS) {
      if (cache.size >= MAX_KEPT) for (const [room, entry] of cache) if (now - entry.at >= CACHE_MS) cache.delete(room);
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
  };
}
