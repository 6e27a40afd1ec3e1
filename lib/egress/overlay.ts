import "server-only";
import type { ChatMessageView } from "@/lib/chat/events";
import { recentMessages } from "@/lib/chat/messages";
import { db } from "@/lib/db";
import { verifyOverlay } from "@/lib/egress/overlay-token";

/** How many chat lines the overlay shows (the newest; older ones scroll away). */
export const OVERLAY_CHAT_LINES = 6;

/**
 * What the composite's overlay starts with: the show's newest chat, if the token is genuine, not
 * expired, and its show is still live. Later messages and gifts arrive as room events.
 */
export async function overlayFor(token: string | undefined): Promise<{ messages: ChatMessageView[] } | null> {
  const showId = verifyOverlay(token);
  if (!showId) return null;
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  if (show?.status !== "LIVE") return null;
  return { messages: await recentMessages(showId, OVERLAY_CHAT_LINES) };
}
