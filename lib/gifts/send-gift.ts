import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { type GiftReceipt, placeGift } from "@/lib/gifts/place-gift";
import type { SendGiftInput } from "@/lib/gifts/schema";
import { consume } from "@/lib/rate-limit";

/**
 * "Send" on the gift shelf: rate-limited, then placed in one transaction that also queues the
 * gift's room event (sent once it committed). The sender's answer does not wait for the
 * broadcast: they hear of the gift in the room like everyone else.
 */
export async function sendGift(user: SessionUser, input: SendGiftInput): Promise<GiftReceipt> {
  await consume("gift.send", user.id);
  return placeGift(user, input);
}
