import "server-only";
import { randomUUID } from "node:crypto";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { COMBO_WINDOW_SECONDS } from "@/lib/gifts/animations";
import { findGift, freshGift } from "@/lib/gifts/catalog";
import type { GiftRoomEvent } from "@/lib/gifts/events";
import type { SendGiftInput } from "@/lib/gifts/schema";
import { getSetting } from "@/lib/settings";
import { requireShow } from "@/lib/shows/get-show";
import { earningsAccount, platformAccount, walletAccount } from "@/lib/wallet/accounts";
import { walletBalance } from "@/lib/wallet/balance";
import { type Entry, InsufficientFunds, postTransfer } from "@/lib/wallet/ledger";

/** What a send gives back; a retry with the same key gets the first send's receipt again. */
export type GiftReceipt = { giftEventId: string; coins: number; combo: number; balance: number };

/** A new send's room event, without the show's totals (read after commit, when it is announced). */
export type GiftAnnouncement = { roomNumber: number; showId: string; event: Omit<GiftRoomEvent, "show"> };

export type PlacedGift = { receipt: GiftReceipt; announcement: GiftAnnouncement | null };

type Sender = Pick<SessionUser, "id" | "name" | "role">;

// The send's guarded insert found nothing to insert: the key was used meanwhile, the show ended or
// the gift changed after the checks. The transaction rolls back (the debit with it); see `refusal`.
class NotPlaced extends Error {}

function showEnded(): AppError {
  return new AppError("SHOW_ENDED", "This show has ended: gifts can no longer be sent.");
}

function retired(name: string): AppError {
  return new AppError("GIFT_RETIRED", `The ${name} is no longer available.`);
}

/** The first send made with this key, or null; a different gift (or count, or show) is refused. */
async function firstSend(senderId: string, input: SendGiftInput): Promise<GiftReceipt | null> {
  const first = await db.giftEvent.findUnique({
    where: { senderId_idempotencyKey: { senderId, idempotencyKey: input.idempotencyKey } },
    select: { id: true, giftId: true, count: true, coins: true, combo: true, senderBalance: true, show: { select: { roomNumber: true } } },
  });
  if (!first) return null;
  if (first.giftId !== input.giftId || first.count !== input.count || first.show.roomNumber !== input.roomNumber) {
    throw new AppError("IDEMPOTENCY_CONFLICT", "This send was already made with a different gift. Nothing more was charged.");
  }
  return { giftEventId: first.id, coins: first.coins, combo: first.combo, balance: first.senderBalance };
}

/**
 * Sends a gift, paid from the sender's wallet, in ONE transaction: the wallet is debited (one
 * conditional UPDATE), the host's earnings and the platform's share credited, all as ledger
 * entries summing to zero; then, guarded by the same statement that stores the gift event, the
 * show must still be live (row share-locked until commit, so it cannot end in between), the
 * sender not its host, the gift not retired and its price unchanged; the idempotency key is
 * claimed by a unique index, and the show's and host's leaderboards are updated. Any failure
 * rolls all of it back. Nothing is announced here: the caller does that after commit.
 */
export async function placeGift(sender: Sender, input: SendGiftInput): Promise<PlacedGift> {
  const replay = await firstSend(sender.id, input);
  if (replay) return { receipt: replay, announcement: null };

  const show = await requireShow(input.roomNumber);
  if (show.status !== "LIVE") throw showEnded();
  if (!can(showRoleOf(sender, show), "show.gift")) throw new AppError("FORBIDDEN", "You cannot send gifts in your own show.");
  const gift = await findGift(input.giftId);
  if (!gift) throw new AppError("NOT_FOUND", "There is no such gift.");
  if (gift.retiredAt) throw retired(gift.name);

  const coins = gift.price * input.count;
  const platformCoins = Math.floor((coins * (await getSetting("platformSharePercent"))) / 100);
  const hostCoins = coins - platformCoins;
  const what = `${gift.name} ×${input.count}`;
  const wallet = walletAccount(sender.id);
  const entries: Entry[] = [{ account: wallet, amount: -coins, memo: `${what} to ${show.host.name} in room ${show.roomNumber}` }];
  if (hostCoins > 0) entries.push({ account: earningsAccount(show.hostId), amount: hostCoins, memo: `${what} from ${sender.name} in room ${show.roomNumber}` });
  if (platformCoins > 0) {
    entries.push({ account: platformAccount, amount: platformCoins, memo: `Share of ${what} from ${sender.name} to ${show.host.name} in room ${show.roomNumber}` });
  }

  try {
    const placed = await db.$transaction(
      async (tx) => {
        const { transferId, walletBalances } = await postTransfer(tx, { kind: "GIFT", actorId: sender.id, entries });
        const balance = walletBalances.get(wallet.id) ?? 0;
        const rows = await tx.$queryRaw<{ id: string; combo: number; senderShowCoins: number }[]>`
          WITH live AS (
            SELECT id FROM "Show" WHERE id = ${show.id} AND status = 'LIVE' AND "hostId" <> ${sender.id} FOR SHARE
          ), gift AS (
            SELECT id FROM "Gift" WHERE id = ${gift.id} AND price = ${gift.price}::int AND "retiredAt" IS NULL
          ), previous AS (
            SELECT "giftId", combo, "createdAt" FROM "GiftEvent"
            WHERE "senderId" = ${sender.id} AND "showId" = ${show.id} ORDER BY "createdAt" DESC LIMIT 1
          ), event AS (
            INSERT INTO "GiftEvent" (id, "showId", "senderId", "hostId", "giftId", count, "unitPrice", coins, "hostCoins",
              "platformCoins", combo, "idempotencyKey", "senderBalance", "transferId", "createdAt")
            SELECT ${randomUUID()}, live.id, ${sender.id}, ${show.hostId}, gift.id, ${input.count}::int, ${gift.price}::int,
              ${coins}::int, ${hostCoins}::int, ${platformCoins}::int,
              CASE WHEN previous."giftId" = gift.id AND previous."createdAt" > clock_timestamp() - make_interval(secs => ${COMBO_WINDOW_SECONDS})
                THEN previous.combo + 1 ELSE 1 END,
              ${input.idempotencyKey}, ${balance}::int, ${transferId}, clock_timestamp()
            FROM live CROSS JOIN gift LEFT JOIN previous ON true
            ON CONFLICT ("senderId", "idempotencyKey") DO NOTHING
            RETURNING id, combo
          ), show_tally AS (
            INSERT INTO "ShowGifter" ("showId", "userId", gifts, coins, "hostCoins", "updatedAt")
            SELECT ${show.id}, ${sender.id}, ${input.count}::int, ${coins}::int, ${hostCoins}::int, clock_timestamp() FROM event
            ON CONFLICT ("showId", "userId") DO UPDATE SET gifts = "ShowGifter".gifts + EXCLUDED.gifts,
              coins = "ShowGifter".coins + EXCLUDED.coins, "hostCoins" = "ShowGifter"."hostCoins" + EXCLUDED."hostCoins",
              "updatedAt" = EXCLUDED."updatedAt"
            RETURNING coins
          ), host_tally AS (
            INSERT INTO "HostGifter" ("hostId", "userId", gifts, coins, "updatedAt")
            SELECT ${show.hostId}, ${sender.id}, ${input.count}::int, ${coins}::int, clock_timestamp() FROM event
            ON CONFLICT ("hostId", "userId") DO UPDATE SET gifts = "HostGifter".gifts + EXCLUDED.gifts,
              coins = "HostGifter".coins + EXCLUDED.coins, "updatedAt" = EXCLUDED."updatedAt"
          )
          SELECT event.id, event.combo, show_tally.coins AS "senderShowCoins" FROM event CROSS JOIN show_tally`;
        const row = rows[0];
        if (!row) throw new NotPlaced();
        return { ...row, balance };
      },
      // Sends from one wallet queue on its row lock; a burst of them may wait a while for a turn.
      { maxWait: 10_000, timeout: 15_000 },
    );
    return {
      receipt: { giftEventId: placed.id, coins, combo: placed.combo, balance: placed.balance },
      announcement: {
        roomNumber: show.roomNumber,
        showId: show.id,
        event: {
          type: "gift",
          id: placed.id,
          sender: { id: sender.id, name: sender.name },
          gift: { id: gift.id, name: gift.name, icon: gift.icon, animation: gift.animation },
          count: input.count,
          coins,
          combo: placed.combo,
          senderShowCoins: placed.senderShowCoins,
        },
      },
    };
  } catch (error) {
    if (error instanceof InsufficientFunds) {
      const has = await walletBalance(sender.id);
      throw new AppError("INSUFFICIENT_FUNDS", `Not enough coins: ${what} costs ${coins} coins and you have ${has}.`);
    }
    if (error instanceof NotPlaced) return { receipt: await refusal(sender.id, input, show.id, gift.price), announcement: null };
    throw error;
  }
}

/** Why a send that passed the checks was not placed after all (nothing was charged). */
async function refusal(senderId: string, input: SendGiftInput, showId: string, price: number): Promise<GiftReceipt> {
  const replay = await firstSend(senderId, input);
  if (replay) return replay; // the same click, made twice at once: the other one went through
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  if (show?.status !== "LIVE") throw showEnded();
  const gift = await freshGift(input.giftId);
  if (!gift) throw new AppError("NOT_FOUND", "There is no such gift.");
  if (gift.retiredAt) throw retired(gift.name);
  if (gift.price !== price) {
    throw new AppError("VALIDATION", `The ${gift.name} now costs ${gift.price} coins. Nothing was charged; send it again if you like.`);
  }
  throw new Error(`gift send ${input.idempotencyKey} was not placed`);
}
