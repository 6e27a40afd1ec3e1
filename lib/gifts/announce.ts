import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { type AnnouncedGift, GIFTS_PER_NOTICE, type GiftNotice } from "@/lib/gifts/events";
import { showGiftTotal } from "@/lib/gifts/leaderboard";
import { defineJob } from "@/lib/jobs/define";
import type { Loop } from "@/lib/leader";
import { GiftAnimation } from "@/lib/generated/prisma/enums";

// A gift's announcement is durable without a job per gift: a committed gift event with no
// `announcedAt` is one still to announce (the ledger row is its own outbox). After a send commits,
// its instance asks for the show's announcer (`announceSoon`): one keyed job per show, which
// takes every gift of the show not yet announced and sends them in batch notices. So a gift costs
// its send one statement and no queue row (a job per gift made every send write and NOTIFY in
// graphile-worker's tables, and one room's jobs ran one at a time, ≈12 a second), and the room
// hears of a whole burst in a few notices. Should an instance die between a commit and its
// request, the leader's sweep asks for the announcer of any show with gifts waiting for seconds.

const payload = z.object({ showId: z.string(), roomNumber: z.number().int() });

/** Gifts taken per claim; more waiting are taken by the next claim of the same run. */
const CLAIM = 200;
/** A gift not announced this long after it was sent (LiveKit down, say) is dropped, not played late. */
const STALE_SECONDS = 60;
/** Requests of one instance for one show's announcer are made at most this often (a window of sends). */
const REQUEST_WINDOW_MS = 25;
/** The sweep asks for the announcer of gifts waiting longer than this (their request was lost). */
const SWEEP_AFTER_SECONDS = 3;

const claimedRow = z.object({
  id: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  giftId: z.string(),
  giftName: z.string(),
  icon: z.string(),
  animation: z.enum(GiftAnimation),
  count: z.number().int(),
  coins: z.number().int(),
  combo: z.number().int(),
  stale: z.boolean(),
});

/**
 * Takes up to CLAIM gifts of the show not yet announced, oldest first, and sends them; they are
 * marked announced in the same transaction, which commits only after LiveKit took the notices:
 * a failure leaves them waiting for the next try (at least once; clients drop a gift id seen
 * twice). Rows being announced by another run are skipped. Returns how many were taken.
 */
async function announceOnce(showId: string, roomNumber: number): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = z.array(claimedRow).parse(
        await tx.$queryRaw`
          WITH claimed AS (
            UPDATE "GiftEvent" e SET "announcedAt" = now()
            FROM (SELECT id FROM "GiftEvent" WHERE "showId" = ${showId} AND "announcedAt" IS NULL
                  ORDER BY "createdAt", id LIMIT ${CLAIM} FOR UPDATE SKIP LOCKED) c
            WHERE e.id = c.id
            RETURNING e.id, e."senderId", e."giftId", e.count, e.coins, e.combo, e."createdAt"
          )
          SELECT c.id, c."senderId", u.name AS "senderName", c."giftId", g.name AS "giftName", g.icon, g.animation::text AS animation,
            c.count, c.coins, c.combo, c."createdAt" < now() - make_interval(secs => ${STALE_SECONDS}) AS stale
          FROM claimed c JOIN "User" u ON u.id = c."senderId" JOIN "Gift" g ON g.id = c."giftId"
          ORDER BY c."createdAt", c.id`,
      );
      const fresh = rows.filter((r) => !r.stale);
      if (rows.length > fresh.length) console.warn(`[gifts] room ${roomNumber}: ${rows.length - fresh.length} gift(s) not announced within ${STALE_SECONDS} s were dropped`);
      if (fresh.length === 0) return rows.length;

      // Read after the claim: every claimed gift committed before, so these include them all.
      const senders = [...new Set(fresh.map((r) => r.senderId))];
      const [tallies, totals] = await Promise.all([
        tx.showGifter.findMany({ where: { showId, userId: { in: senders } }, select: { userId: true, gifts: true, coins: true, user: { select: { name: true } } } }),
        showGiftTotal(showId, tx),
      ]);
      const gifters = tallies.map((t) => ({ id: t.userId, name: t.user.name, gifts: t.gifts, coins: t.coins }));
      for (let i = 0; i < fresh.length; i += GIFTS_PER_NOTICE) {
        const gifts: AnnouncedGift[] = fresh.slice(i, i + GIFTS_PER_NOTICE).map((r) => ({
          id: r.id,
          sender: { id: r.senderId, name: r.senderName },
          gift: { id: r.giftId, name: r.giftName, icon: r.icon, animation: r.animation },
          count: r.count,
          coins: r.coins,
          combo: r.combo,
        }));
        const inNotice = new Set(gifts.map((g) => g.sender.id));
        const notice: GiftNotice = { type: "gifts", gifts, gifters: gifters.filter((g) => inNotice.has(g.id)), show: { gifts: totals.gifts, coins: totals.coins } };
        await broadcastRoomEvent(roomNumber, notice);
      }
      return rows.length;
    },
    // The notices are sent inside: a room LiveKit does not know takes seconds to refuse one.
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Announces every gift of the show still waiting (idempotent: nothing waiting, nothing sent). */
export async function announceGifts(showId: string, roomNumber: number): Promise<void> {
  while ((await announceOnce(showId, roomNumber)) === CLAIM);
}

export const giftAnnouncementJob = defineJob("gifts.announce", payload, ({ showId, roomNumber }) => announceGifts(showId, roomNumber));

/**
 * Asks for the show's announcer: one pending job per show (its key), run again if asked while it
 * runs ("replace": a running job's key moves to a new one), so an announcer always starts after
 * the request, and sees every gift that committed before it.
 */
export async function requestAnnouncement(showId: string, roomNumber: number): Promise<void> {
  await giftAnnouncementJob.enqueue({ showId, roomNumber }, { jobKey: `gifts.announce:${showId}`, maxAttempts: 5 });
}

type Requests = Map<string, { again: boolean }>;
const state = globalThis as unknown as { suixinGiftAnnouncements?: Requests };

/**
 * Called after a gift committed (never before): requests the show's announcer within a few
 * milliseconds, one request per window for all the sends of this instance to that show. Does not
 * wait; a failed request is logged, and the sweep makes it again.
 */
export function announceSoon(showId: string, roomNumber: number): void {
  const requests = (state.suixinGiftAnnouncements ??= new Map());
  const pending = requests.get(showId);
  if (pending) {
    pending.again = true; // a request is due or under way: one more after it, to follow this commit
    return;
  }
  const request = { again: false };
  requests.set(showId, request);
  const fire = () => {
    request.again = false;
    requestAnnouncement(showId, roomNumber)
      .catch((error: unknown) => console.warn(`[gifts] room ${roomNumber}: requesting the announcer failed (the sweep will):`, error))
      .finally(() => {
        if (request.again) setTimeout(fire, REQUEST_WINDOW_MS);
        else requests.delete(showId);
      });
  };
  setTimeout(fire, REQUEST_WINDOW_MS);
}

/** Requests the announcer of every show with gifts waiting longer than a request takes. */
export async function sweepUnannounced(): Promise<number> {
  const shows = await db.$queryRaw<{ showId: string; roomNumber: number }[]>`
    SELECT DISTINCT e."showId", s."roomNumber" FROM "GiftEvent" e JOIN "Show" s ON s.id = e."showId"
    WHERE e."announcedAt" IS NULL AND e."createdAt" < now() - make_interval(secs => ${SWEEP_AFTER_SECONDS})`;
  for (const s of shows) await requestAnnouncement(s.showId, s.roomNumber);
  return shows.length;
}

/** On the leading instance, every two seconds. */
export const giftAnnouncementSweepLoop: Loop = {
  name: "gifts-announcement-sweep",
  everyMs: () => 2_000,
  async run() {
    await sweepUnannounced();
  },
};
