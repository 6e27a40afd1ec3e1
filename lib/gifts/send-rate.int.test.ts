import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

// This file runs with the real gift limit (10 per second per user); only grants are unlimited.
process.env.SUIXIN_RATE_LIMITS = JSON.stringify({ "wallet.grant": { points: 100_000 } });

const { db } = await import("@/lib/db");
const { sendGift } = await import("@/lib/gifts/send-gift");
const { grantCoins } = await import("@/lib/wallet/grant-coins");
const { walletBalance } = await import("@/lib/wallet/balance");

it("a person may send 10 gifts a second: more at once are refused with 'try again in 1 s' and not charged", async () => {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const make = (name: string, role: "USER" | "OPERATOR" = "USER") =>
    db.user.create({ data: { email: `${name}-${tag}@example.test`, name, role, passwordHash: "x" }, select: { id: true, email: true, name: true, role: true, mutedAt: true, mutedUntil: true } });
  const [host, sender, operator] = [await make("host"), await make("sender"), await make("ops", "OPERATOR")];
  const show = await db.show.create({ data: { hostId: host.id, title: "Rate" }, select: { roomNumber: true } });
  await grantCoins(operator, { email: sender.email, amount: 100, reason: "test funds" });
  const send = () => sendGift(sender, { roomNumber: show.roomNumber, giftId: "heart", count: 1, idempotencyKey: randomUUID() });

  const outcomes = await Promise.allSettled(Array.from({ length: 15 }, send));
  const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
  expect(refused).toHaveLength(5);
  for (const reason of refused) {
    expect(reason).toBeInstanceOf(AppError);
    expect(reason).toMatchObject({ code: "RATE_LIMITED", message: "Sending gifts too fast. Try again in 1 s.", retryAfterSeconds: 1 });
  }
  expect(await walletBalance(sender.id)).toBe(90);
  expect(await db.giftEvent.count({ where: { senderId: sender.id } })).toBe(10);

  // The next second, sending works again.
  await vi.waitFor(send, { timeout: 5_000, interval: 250 });
  expect(await walletBalance(sender.id)).toBe(89);
});
