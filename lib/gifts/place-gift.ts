import "server-only";
import { randomUUID } from "node:crypto";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, isUniqueViolation, preparedQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { announceSoon } from "@/lib/gifts/announce";
import { findGift, freshGift } from "@/lib/gifts/catalog";
import { giftTarget } from "@/lib/gifts/gift-target";
import type { SendGiftInput } from "@/lib/gifts/schema";
import { getSetting } from "@/lib/settings";
import { earningsAccount, platformAccount, walletAccount } from "@/lib/wallet/accounts";
import { walletBalance } from "@/lib/wallet/balance";
import { type Entry, LEDGER, type LedgerWrites, ledgerWrites } from "@/lib/wallet/ledger";

/** What a send gives back; a retry with the same key gets the first send's receipt again. */
export type GiftReceipt = { giftEventId: string; coins: number; combo: number; balance: number };

type Sender = Pick<SessionUser, "id" | "name" | "role">;

const IDEMPOTENCY_CONSTRAINT = "GiftEvent_senderId_idempotencyKey_key";

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
 * Sends a gift, paid from the sender's wallet, in one statement (one round trip, one
 * transaction). Guarded by "the show is still live (row share-locked until commit, so it cannot
 * end in between), the sender is not its host, the gift is not retired and costs what the sender
 * was told", the wallet is debited by one conditional UPDATE, the host's earnings and the
 * platform's share credited, all as ledger entries summing to zero; the gift event is stored (its
 * idempotency key claimed by a unique index: a second send with the key fails the whole
 * statement) and the show's and host's leaderboards updated. The stored gift event, not yet
 * announced, is its announcement's durable record: once the statement committed, the show's
 * announcer is asked for (lib/gifts/announce.ts), never before. Any failure writes nothing and
 * announces nothing. A retry gets the first receipt, and nothing is announced again.
 */
export async function placeGift(sender: Sender, input: SendGiftInput): Promise<GiftReceipt> {
  try {
    return await placeNew(sender, input);
  } catch (error) {
    // Whatever refused this send, a retry of one that went through gets that one's receipt.
    const first = error instanceof AppError || isUniqueViolation(error, IDEMPOTENCY_CONSTRAINT) ? await firstSend(sender.id, input) : null;
    if (first) return first;
    throw error;
  }
}

async function placeNew(sender: Sender, input: SendGiftInput): Promise<GiftReceipt> {
  const { show, gift, coins, what, statement } = await planGift(sender, input);
  const [placed] = await preparedQuery<Placed>(statement);
  if (!placed) throw await notPlaced(sender.id, input, show.id, gift.price, what, coins); // nothing written: say why
  announceSoon(show.id, show.roomNumber); // committed: the room may hear of it now
  return { giftEventId: placed.id, coins, combo: placed.combo, balance: placed.balance };
}

/** The checks a send passes before its statement, and the statement (exported for the benchmark's EXPLAIN). */
export async function planGift(sender: Sender, input: SendGiftInput) {
  const show = await giftTarget(input.roomNumber);
  if (show.status !== "LIVE") throw showEnded();
  if (!can(showRoleOf(sender, show), "show.gift")) throw new AppError("FORBIDDEN", "You cannot send gifts in your own show.");
  const gift = await findGift(input.giftId);
  if (!gift) throw new AppError("NOT_FOUND", "There is no such gift.");
  if (gift.retiredAt) throw retired(gift.name);

  const coins = gift.price * input.count;
  const [sharePercent, comboSeconds] = await Promise.all([getSetting("platformSharePercent"), getSetting("giftComboSeconds")]);
  const platformCoins = Math.floor((coins * sharePercent) / 100);
  const hostCoins = coins - platformCoins;
  const what = `${gift.name} ×${input.count}`;
  const room = `room ${show.roomNumber}`;
  const entries: Entry[] = [{ account: walletAccount(sender.id), amount: -coins, memo: `${what} to ${show.hostName} in ${room}` }];
  if (hostCoins > 0) entries.push({ account: earningsAccount(show.hostId), amount: hostCoins, memo: `${what} from ${sender.name} in ${room}` });
  if (platformCoins > 0) {
    entries.push({ account: platformAccount, amount: platformCoins, memo: `Share of ${what} from ${sender.name} to ${show.hostName} in ${room}` });
  }
  const ledger = ledgerWrites(
    { kind: "GIFT", actorId: sender.id, entries },
    Prisma.sql`EXISTS (SELECT 1 FROM live) AND EXISTS (SELECT 1 FROM gift)`,
  );

  const send = JSON.stringify({
    eventId: randomUUID(),
    showId: show.id,
    senderId: sender.id,
    hostId: show.hostId,
    giftId: gift.id,
    price: gift.price,
    count: input.count,
    coins,
    hostCoins,
    platformCoins,
    idempotencyKey: input.idempotencyKey,
  });
  return { show, gift, coins, what, statement: giftStatement(send, ledger, comboSeconds) };
}

type Placed = { id: string; combo: number; balance: number };

function giftStatement(send: string, ledger: LedgerWrites, comboSeconds: number): Prisma.Sql {
  return Prisma.sql`
    WITH send AS (
      -- this send's values, as one parameter (every bound parameter costs the client time)
      SELECT * FROM jsonb_to_record(${send}::jsonb) AS s("eventId" text, "showId" text, "senderId" text, "hostId" text,
        "giftId" text, price int, count int, coins int, "hostCoins" int, "platformCoins" int, "idempotencyKey" text)
    ), live AS (
      SELECT s.id FROM "Show" s, send WHERE s.id = send."showId" AND s.status = 'LIVE' AND s."hostId" <> send."senderId" FOR SHARE OF s
    ), gift AS (
      SELECT g.id FROM "Gift" g, send WHERE g.id = send."giftId" AND g.price = send.price AND g."retiredAt" IS NULL
    ), ${ledger.ctes},
    previous AS (
      -- (Read with the statement's snapshot: two sends of one person at the very same moment may share a combo number.)
      -- Lateral, so sender and show are constants of the inner query and its LIMIT is one backward probe
      -- of the (senderId, showId, createdAt) index; as a join, it read and sorted every gift of the show.
      SELECT p.* FROM send, LATERAL (SELECT e."giftId", e.combo, e."createdAt" FROM "GiftEvent" e
        WHERE e."senderId" = send."senderId" AND e."showId" = send."showId" ORDER BY e."createdAt" DESC LIMIT 1) p
    ), event AS (
      INSERT INTO "GiftEvent" (id, "showId", "senderId", "hostId", "giftId", count, "unitPrice", coins, "hostCoins",
        "platformCoins", combo, "idempotencyKey", "senderBalance", "transferId", "createdAt")
      SELECT send."eventId", send."showId", send."senderId", send."hostId", send."giftId", send.count, send.price,
        send.coins, send."hostCoins", send."platformCoins",
        CASE WHEN previous."giftId" = send."giftId" AND previous."createdAt" > clock_timestamp() - make_interval(secs => ${comboSeconds})
          THEN previous.combo + 1 ELSE 1 END,
        send."idempotencyKey", ${ledger.debitedBalance}, ${ledger.transferId}, clock_timestamp()
      FROM ${LEDGER} CROSS JOIN send LEFT JOIN previous ON TRUE
      RETURNING id, combo, "senderBalance"
    ), show_tally AS (
      INSERT INTO "ShowGifter" ("showId", "userId", gifts, coins, "hostCoins", "updatedAt")
      SELECT send."showId", send."senderId", send.count, send.coins, send."hostCoins", clock_timestamp() FROM event CROSS JOIN send
      ON CONFLICT ("showId", "userId") DO UPDATE SET gifts = "ShowGifter".gifts + EXCLUDED.gifts,
        coins = "ShowGifter".coins + EXCLUDED.coins, "hostCoins" = "ShowGifter"."hostCoins" + EXCLUDED."hostCoins",
        "updatedAt" = EXCLUDED."updatedAt"
    ), host_tally AS (
      INSERT INTO "HostGifter" ("hostId", "userId", gifts, coins, "updatedAt")
      SELECT send."hostId", send."senderId", send.count, send.coins, clock_timestamp() FROM event CROSS JOIN send
      ON CONFLICT ("hostId", "userId") DO UPDATE SET gifts = "HostGifter".gifts + EXCLUDED.gifts,
        coins = "HostGifter".coins + EXCLUDED.coins, "updatedAt" = EXCLUDED."updatedAt"
    )
    SELECT event.id, event.combo, event."senderBalance" AS balance FROM event`;
}

/** Why the statement wrote nothing (and charged nothing): the first check that fails now. */
async function notPlaced(senderId: string, input: SendGiftInput, showId: string, price: number, what: string, coins: number): Promise<AppError> {
  const [show, gift, has] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { status: true } }),
    freshGift(input.giftId),
    walletBalance(senderId),
  ]);
  if (show?.status !== "LIVE") return showEnded();
  if (!gift) return new AppError("NOT_FOUND", "There is no such gift.");
  if (gift.retiredAt) return retired(gift.name);
  if (gift.price !== price) return new AppError("VALIDATION", `The ${gift.name} now costs ${gift.price} coins. Nothing was charged; send it again if you like.`);
  if (has < coins) return new AppError("INSUFFICIENT_FUNDS", `Not enough coins: ${what} costs ${coins} coins and you have ${has}.`);
  return new AppError("INTERNAL", "The gift could not be sent. Nothing was charged; please try again.");
}
