import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// Before the lib code reads them: the test provider on, and limits far above these tests' bursts
// (the gift limit itself is tested in send-rate.int.test.ts).
process.env.SUIXIN_SETTINGS = JSON.stringify({ testTopUpEnabled: true });
process.env.SUIXIN_RATE_LIMITS = JSON.stringify({ "gift.send": { points: 100_000 }, "wallet.top-up": { points: 100_000 }, "wallet.grant": { points: 100_000 } });

// What an announcement job sends, caught where it would leave for LiveKit.
const sent = vi.hoisted(() => ({ messages: [] as { room: string; payload: unknown }[], failures: 0 }));
vi.mock("@/lib/livekit/rooms", () => ({
  sendRoomMessage: vi.fn(async (room: string, _topic: string, payload: unknown) => {
    if (sent.failures > 0) {
      sent.failures -= 1;
      throw new Error("LiveKit refused the message");
    }
    sent.messages.push({ room, payload });
  }),
}));

const { db } = await import("@/lib/db");
const { sendGift } = await import("@/lib/gifts/send-gift");
const { auditGifts, driftOf } = await import("@/lib/gifts/audit");
const { grantCoins } = await import("@/lib/wallet/grant-coins");
const { walletBalance, earningsBalance } = await import("@/lib/wallet/balance");
const { topUp } = await import("@/lib/payments/top-up");
const { completePayment } = await import("@/lib/payments/complete-payment");
const { saveSetting } = await import("@/lib/settings");
const { giftEvents } = await import("@/lib/gifts/events");
const { announceGifts, sweepUnannounced } = await import("@/lib/gifts/announce");
const { clearJobs, queuedJobs } = await import("@/lib/testing/fixtures");
const { endShow } = await import("@/lib/shows/end-show");

type Notice = ReturnType<(typeof giftEvents)[0]["parse"]>;

/** The gift notices sent so far (each checked against the room event schema). */
function notices(): Notice[] {
  return sent.messages.map((m) => giftEvents[0].parse(m.payload));
}

// No job runner here: the show's announcer runs by hand, as a job would once a send asked for it.
/** Runs the show's announcer; the gifts it sent, in order. */
async function announced(show: { id: string; roomNumber: number }) {
  const before = sent.messages.length;
  await announceGifts(show.id, show.roomNumber);
  return sent.messages.slice(before).flatMap((m) => giftEvents[0].parse(m.payload).gifts);
}

/** Gift events of a show not announced yet. */
function waiting(showId: string) {
  return db.giftEvent.count({ where: { showId, announcedAt: null } });
}

/** The announcer jobs queued for a show. */
async function announcerJobs(showId: string) {
  return (await queuedJobs("gifts.announce")).filter((p) => typeof p === "object" && p !== null && "showId" in p && p.showId === showId);
}

type User = SessionUser;

let seq = 0;
async function user(name: string, role: User["role"] = "USER"): Promise<User> {
  seq += 1;
  const email = `${name.toLowerCase()}-${seq}-${Date.now()}@example.test`;
  return db.user.create({ data: { email, name: `${name} ${seq}`, role, passwordHash: "x" }, select: { id: true, email: true, name: true, role: true, mutedAt: true, mutedUntil: true } });
}

async function liveShow(host: User) {
  return db.show.create({ data: { hostId: host.id, title: `Show of ${host.name}` }, select: { id: true, roomNumber: true } });
}

let operator: User;
beforeAll(async () => {
  operator = await user("Operator", "OPERATOR");
});

async function fund(recipient: User, coins: number) {
  await grantCoins(operator, { email: recipient.email, amount: coins, reason: "test funds" });
}

/** Rows of every table a gift or a top-up writes, notices sent, and the wallet's balance: to show nothing changed. */
async function footprint(wallet: User) {
  const [giftEvents, transfers, entries, showGifters, hostGifters, payments] = await Promise.all([
    db.giftEvent.count(),
    db.ledgerTransfer.count(),
    db.ledgerEntry.count(),
    db.showGifter.count(),
    db.hostGifter.count(),
    db.payment.count(),
  ]);
  return { giftEvents, transfers, entries, showGifters, hostGifters, payments, notices: sent.messages.length, balance: await walletBalance(wallet.id) };
}

function send(sender: User, roomNumber: number, giftId = "rose", count = 1, idempotencyKey: string = randomUUID()) {
  return sendGift(sender, { roomNumber, giftId, count, idempotencyKey });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function setting(key: "platformSharePercent" | "testTopUpEnabled", value: number | boolean) {
  return db.$transaction((tx) => saveSetting(tx, key, value, null));
}

afterEach(async () => {
  await clearJobs();
  sent.messages.length = 0;
  sent.failures = 0;
  await setting("platformSharePercent", 0);
  await setting("testTopUpEnabled", true);
});

describe("gift sends against Postgres", () => {
  it("200 concurrent sends from a wallet that affords exactly 100: exactly 100 succeed, the balance ends at 0 and never goes below", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 100 * 9); // a rose costs 9

    let lowest = Infinity;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        lowest = Math.min(lowest, await walletBalance(sender.id));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => send(sender, show.roomNumber)));
    polling = false;
    await poller;

    const receipts = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(receipts).toHaveLength(100);
    expect(refused).toHaveLength(100);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(AppError);
      expect(reason).toMatchObject({ code: "INSUFFICIENT_FUNDS", message: "Not enough coins: Rose ×1 costs 9 coins and you have 0." });
    }
    // Each success saw its own balance: the debits were serialized, one after the other.
    expect(new Set(receipts.map((r) => r.balance)).size).toBe(100);
    expect(Math.min(...receipts.map((r) => r.balance))).toBe(0);
    expect(await walletBalance(sender.id)).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);

    expect(await earningsBalance(host.id)).toBe(900);
    expect(await db.giftEvent.count({ where: { showId: show.id } })).toBe(100);
    const tally = await db.showGifter.findUniqueOrThrow({ where: { showId_userId: { showId: show.id, userId: sender.id } } });
    expect(tally).toMatchObject({ gifts: 100, coins: 900, hostCoins: 900 });

    // One announcer asked for (after the commits, one job for the whole burst), none of it sent yet.
    await expect.poll(() => announcerJobs(show.id)).toEqual([{ showId: show.id, roomNumber: show.roomNumber }]);
    expect(sent.messages).toHaveLength(0);
    expect(await waiting(show.id)).toBe(100);
    // Run, it announces every success once, in batch notices, with the show's totals.
    const gifts = await announced(show);
    expect(gifts).toHaveLength(100);
    expect(new Set(gifts.map((g) => g.id))).toEqual(new Set(receipts.map((r) => r.giftEventId)));
    expect(sent.messages.map((m) => m.room)).toEqual([`show-${show.roomNumber}`, `show-${show.roomNumber}`, `show-${show.roomNumber}`]);
    for (const n of notices()) {
      expect(n.show).toEqual({ gifts: 100, coins: 900 });
      expect(n.gifters).toEqual([{ id: sender.id, name: sender.name, gifts: 100, coins: 900 }]);
    }
    expect(await waiting(show.id)).toBe(0);
    expect(await announced(show)).toEqual([]); // run again: nothing more

    const audit = await auditGifts();
    expect(audit).toMatchObject({ entriesSum: 0, unbalancedTransfers: 0, walletDrift: 0, negativeWallets: 0, tallyDrift: 0, giftsOffLedger: 0 });
    expect(driftOf(audit)).toBe(0);
  }, 60_000); // 200 sends on a shared 2-core machine

  it.each([
    ["right after the debit (mid-transaction)", "BEFORE INSERT", ""],
    ["at commit, after everything else was written", "AFTER INSERT", "DEFERRABLE INITIALLY DEFERRED"],
  ])("a failure injected %s leaves nothing charged and nothing announced", async (_when, timing, deferral) => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 100);
    const doomedKey = randomUUID();
    // The failure is the database's own: a trigger on the gift event of this one send.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION inject_gift_failure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."idempotencyKey" = '${doomedKey}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      timing === "BEFORE INSERT"
        ? `CREATE TRIGGER inject_gift_failure BEFORE INSERT ON "GiftEvent" FOR EACH ROW EXECUTE FUNCTION inject_gift_failure()`
        : `CREATE CONSTRAINT TRIGGER inject_gift_failure AFTER INSERT ON "GiftEvent" ${deferral} FOR EACH ROW EXECUTE FUNCTION inject_gift_failure()`,
    );
    try {
      const before = await footprint(sender);
      await expect(send(sender, show.roomNumber, "cake", 1, doomedKey)).rejects.toThrow(/injected failure/);
      expect(await footprint(sender)).toEqual(before);
      expect(before.balance).toBe(100);
      expect(await waiting(show.id)).toBe(0);
      // The same wallet still works: the failed send left no lock or half-written state behind;
      // and the room hears of this send only.
      await send(sender, show.roomNumber, "cake");
      expect(await walletBalance(sender.id)).toBe(1);
      expect((await announced(show)).map((e) => e.gift.id)).toEqual(["cake"]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER inject_gift_failure ON "GiftEvent"`);
    }
    expect(driftOf(await auditGifts())).toBe(0);
  });

  it("the same key sent twice at the same moment charges once, and both get the first send's receipt", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 1000);
    const key = randomUUID();
    const [a, b] = await Promise.all([send(sender, show.roomNumber, "star", 2, key), send(sender, show.roomNumber, "star", 2, key)]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ coins: 98, balance: 902 });
    expect(await walletBalance(sender.id)).toBe(902);
    expect(await db.giftEvent.count({ where: { senderId: sender.id } })).toBe(1);
    // Later retries too.
    expect(await send(sender, show.roomNumber, "star", 2, key)).toEqual(a);
    await send(sender, show.roomNumber, "heart"); // then a new send: the room heard of two sends in all
    expect((await announced(show)).map((e) => e.gift.id)).toEqual(["star", "heart"]);
  });

  it("repeats of one gift within a few seconds count up a combo; another gift starts again", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 100);
    const combos = [];
    for (const gift of ["heart", "heart", "heart", "rose", "heart"]) combos.push((await send(sender, show.roomNumber, gift)).combo);
    expect(combos).toEqual([1, 2, 3, 1, 1]);
    expect((await announced(show)).map((e) => e.combo)).toEqual([1, 2, 3, 1, 1]);
  });

  it("the platform's share is credited beside the host's earnings, in whole coins", async () => {
    await setting("platformSharePercent", 30);
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 1000);
    const receipt = await send(sender, show.roomNumber, "star", 3); // 147 coins
    expect(await announced(show)).toMatchObject([{ coins: 147, count: 3 }]);
    const event = await db.giftEvent.findUniqueOrThrow({ where: { id: receipt.giftEventId } });
    expect(event).toMatchObject({ coins: 147, platformCoins: 44, hostCoins: 103 });
    const entries = await db.ledgerEntry.findMany({ where: { transferId: event.transferId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.accountId, e.amount])).toEqual([
      [`wallet:${sender.id}`, -147],
      [`earnings:${host.id}`, 103],
      ["platform", 44],
    ]);
    expect(entries.map((e) => e.memo)).toEqual([
      `Lucky star ×3 to ${host.name} in room ${show.roomNumber}`,
      `Lucky star ×3 from ${sender.name} in room ${show.roomNumber}`,
      `Share of Lucky star ×3 from ${sender.name} to ${host.name} in room ${show.roomNumber}`,
    ]);
  });
});

describe("announcements: every committed gift, once it committed, even when a step fails", () => {
  it("a notice LiveKit refused leaves its gifts waiting, and the next run sends them", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 100);
    const first = await send(sender, show.roomNumber, "heart");
    sent.failures = 1;
    await expect(announceGifts(show.id, show.roomNumber)).rejects.toThrow(/LiveKit refused/);
    expect(await waiting(show.id)).toBe(1);
    const second = await send(sender, show.roomNumber, "rose");
    expect((await announced(show)).map((g) => g.id)).toEqual([first.giftEventId, second.giftEventId]);
    expect(await waiting(show.id)).toBe(0);
  });

  it("a request for the announcer that was lost (its instance died) is made again by the sweep", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 100);
    const receipt = await send(sender, show.roomNumber, "heart");
    await expect.poll(() => announcerJobs(show.id)).toHaveLength(1);
    await clearJobs(); // as if the request never made it
    await sweepUnannounced(); // not yet for this show: a request takes milliseconds, the sweep waits seconds
    expect(await announcerJobs(show.id)).toEqual([]); // (other tests' shows may have old gifts: only this one's counts)
    await db.giftEvent.update({ where: { id: receipt.giftEventId }, data: { createdAt: new Date(Date.now() - 5_000) } });
    expect(await sweepUnannounced()).toBeGreaterThanOrEqual(1);
    expect(await announcerJobs(show.id)).toEqual([{ showId: show.id, roomNumber: show.roomNumber }]);
    expect((await announced(show)).map((g) => g.id)).toEqual([receipt.giftEventId]);
  });

  it("a gift still waiting a minute after it was sent is dropped, not played late", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    await fund(sender, 100);
    const old = await send(sender, show.roomNumber, "heart");
    await db.giftEvent.update({ where: { id: old.giftEventId }, data: { createdAt: new Date(Date.now() - 120_000) } });
    const fresh = await send(sender, show.roomNumber, "rose");
    expect((await announced(show)).map((g) => g.id)).toEqual([fresh.giftEventId]);
    expect(await waiting(show.id)).toBe(0);
  });
});

describe("bad input: a clear message, nothing stored, nothing announced", () => {
  // A refused send never queues an announcement; each test ends with a good send to show the
  // room hears of that one only.
  async function thenOnlyAGoodSend(sender: User, show: { id: string; roomNumber: number }) {
    await send(sender, show.roomNumber, "heart");
    expect((await announced(show)).map((e) => e.gift.id)).toEqual(["heart"]);
  }

  async function expectRefused(wallet: User, attempt: () => Promise<unknown>, code: string, message: string | RegExp) {
    const before = await footprint(wallet);
    const error = await refusal(attempt());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await footprint(wallet)).toEqual(before);
  }

  it("refuses unknown and retired gifts, ended shows, the host gifting themselves and an empty wallet", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const poor = await user("Poor");
    const show = await liveShow(host);
    await fund(sender, 500);

    await expectRefused(sender, () => send(sender, show.roomNumber, "no-such-gift"), "NOT_FOUND", "There is no such gift.");
    await expectRefused(host, () => send(host, show.roomNumber, "rose"), "FORBIDDEN", "You cannot send gifts in your own show.");
    await expectRefused(poor, () => send(poor, show.roomNumber, "rose", 10), "INSUFFICIENT_FUNDS", "Not enough coins: Rose ×10 costs 90 coins and you have 0.");
    await expectRefused(sender, () => send(sender, show.roomNumber, "crown"), "INSUFFICIENT_FUNDS", "Not enough coins: Crown ×1 costs 1000 coins and you have 500.");
    await expectRefused(sender, () => send(sender, 99_999, "rose"), "NOT_FOUND", "There is no show in room 99999.");

    await db.gift.create({ data: { id: "old-hat", name: "Old hat", price: 5, icon: "/gifts/heart.svg", animation: "FLOAT", retiredAt: new Date() } });
    await expectRefused(sender, () => send(sender, show.roomNumber, "old-hat"), "GIFT_RETIRED", "The Old hat is no longer available.");
    await thenOnlyAGoodSend(sender, show);

    await db.show.update({ where: { id: show.id }, data: { status: "ENDED", endedAt: new Date(), endReason: "HOST" } });
    await expectRefused(sender, () => send(sender, show.roomNumber, "rose"), "SHOW_ENDED", "This show has ended: gifts can no longer be sent.");
  });

  it("refuses a replayed key with a different gift, count or show, and charges nothing for it", async () => {
    const host = await user("Host");
    const sender = await user("Sender");
    const show = await liveShow(host);
    const other = await liveShow(await user("Host"));
    await fund(sender, 500);
    const key = randomUUID();
    await send(sender, show.roomNumber, "rose", 1, key);
    expect(await announced(show)).toHaveLength(1);
    const message = "This send was already made with a different gift. Nothing more was charged.";
    await expectRefused(sender, () => send(sender, show.roomNumber, "cake", 1, key), "IDEMPOTENCY_CONFLICT", message);
    await expectRefused(sender, () => send(sender, show.roomNumber, "rose", 10, key), "IDEMPOTENCY_CONFLICT", message);
    await expectRefused(sender, () => send(sender, other.roomNumber, "rose", 1, key), "IDEMPOTENCY_CONFLICT", message);
    await thenOnlyAGoodSend(sender, show);
  });

  it("refuses a top-up while the test provider is off", async () => {
    const buyer = await user("Buyer");
    await setting("testTopUpEnabled", false);
    await expectRefused(buyer, () => topUp(buyer, { packageId: "coins-300", provider: "test" }), "FORBIDDEN", "Test top-ups are turned off on this server.");
  });

  it("refuses a grant by someone who is not an operator", async () => {
    const viewer = await user("Viewer");
    const friend = await user("Friend");
    await expectRefused(friend, () => grantCoins(viewer, { email: friend.email, amount: 100, reason: "a gift" }), "FORBIDDEN", "Only operators can grant coins.");
  });
});

describe("top-ups", () => {
  it("the test provider completes at once and credits the wallet; the provider confirming again credits nothing more", async () => {
    const buyer = await user("Buyer");
    expect(await topUp(buyer, { packageId: "coins-300", provider: "test" })).toEqual({ status: "completed", coins: 300, balance: 300 });
    const payment = await db.payment.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(payment).toMatchObject({ status: "COMPLETED", coins: 300, priceCents: 499, provider: "test" });
    if (!payment.providerRef) throw new Error("no provider reference");
    // e.g. a webhook delivered twice
    await Promise.all([completePayment("test", payment.providerRef), completePayment("test", payment.providerRef)]);
    expect(await walletBalance(buyer.id)).toBe(300);
    expect(await db.ledgerEntry.count({ where: { accountId: `wallet:${buyer.id}` } })).toBe(1);
    expect(driftOf(await auditGifts())).toBe(0);
  });
});

describe("a gift racing the end of its show", () => {
  it("commits before the end commits or is refused: once the show ended, no gift of it lands", async () => {
    const host = await user("Host");
    const show = await liveShow(host);
    const senders = await Promise.all(Array.from({ length: 10 }, () => user("Racer")));
    await Promise.all(senders.map((s) => fund(s, 10_000)));
    const outcomes = { placed: 0, ended: 0 };
    // Each sender sends until the show has ended for it.
    const loops = senders.map(async (s) => {
      for (;;) {
        try {
          await send(s, show.roomNumber);
          outcomes.placed += 1;
        } catch (error) {
          if (error instanceof AppError && error.code === "SHOW_ENDED") {
            outcomes.ended += 1;
            return;
          }
          throw error;
        }
      }
    });
    await expect.poll(() => outcomes.placed, { timeout: 15_000 }).toBeGreaterThan(20);
    await endShow(show.id, "HOST");
    const atEnd = await db.giftEvent.count({ where: { showId: show.id } });
    await Promise.all(loops); // the sends under way when it ended finish
    expect(await db.giftEvent.count({ where: { showId: show.id } })).toBe(atEnd);
    expect(outcomes.ended).toBe(senders.length);
    expect(driftOf(await auditGifts())).toBe(0);
  }, 60_000); // ten senders in a loop: slow on a loaded machine
});
