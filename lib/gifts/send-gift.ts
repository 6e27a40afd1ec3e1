import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { broadcastRoomEvent } from "@/lib/events/broadcast";
import { showGiftTotal } from "@/lib/gifts/leaderboard";
import { type GiftAnnouncement, type GiftReceipt, placeGift } from "@/lib/gifts/place-gift";
import type { SendGiftInput } from "@/lib/gifts/schema";
import { consume } from "@/lib/rate-limit";

/** Tells the room, after commit, with the show's totals as they are now. */
async function announce({ roomNumber, showId, event }: GiftAnnouncement): Promise<void> {
  try {
    const totals = await showGiftTotal(showId);
    await broadcastRoomEvent(roomNumber, { ...event, show: { gifts: totals.gifts, coins: totals.coins } });
  } catch (error) {
    // The gift is paid and stored either way; the room's boards catch up on the next gift or reload.
    console.warn(`[gifts] gift ${event.id} in room ${roomNumber} not announced:`, error instanceof Error ? error.message : error);
  }
}

/**
 * "Send" on the gift shelf: rate-limited, placed in one transaction, announced once committed.
 * The sender's answer does not wait for the announcement (LiveKit may be slow or away; the gift
 * is paid and stored either way, and the sender hears of it in the room like everyone else).
 */
export async function sendGift(user: SessionUser, input: SendGiftInput): Promise<GiftReceipt> {
  await consume("gift.send", user.id);
  const { receipt, announcement } = await placeGift(user, input);
  if (announcement) void announce(announcement);
  return receipt;
}
