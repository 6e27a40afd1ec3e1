import "server-only";
import type { z } from "zod";
import { can, type Permission, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { broadcastInOrder } from "@/lib/events/broadcast";
import type { RoomEvent } from "@/lib/events/schema";
import type { deleteMessageSchema, muteSchema, slowModeSchema } from "@/lib/moderation/schema";
import { consume } from "@/lib/rate-limit";
import { requireShow, type ShowDetails } from "@/lib/shows/get-show";

/** The show, if this user may use `permission` in it; the limit on moderation counts first. */
async function moderatedShow(user: SessionUser, roomNumber: number, permission: Permission, refusal: string): Promise<ShowDetails> {
  await consume("chat.moderate", user.id);
  const show = await requireShow(roomNumber);
  if (!can(showRoleOf(user, show), permission)) throw new AppError("FORBIDDEN", refusal);
  return show;
}

/**
 * After the change committed; the change stands even if LiveKit cannot be told right now. In
 * line with the room's chat messages, so a deletion never overtakes the message it deletes.
 */
async function tell(roomNumber: number, event: RoomEvent): Promise<void> {
  try {
    await broadcastInOrder(roomNumber, event);
  } catch (error) {
    console.warn(`[moderation] ${event.type} in room ${roomNumber} not broadcast:`, error instanceof Error ? error.message : error);
  }
}

/**
 * Marks a message deleted (by `byId`) in the caller's transaction; returns whether this call was
 * the one that deleted it. The caller tells the room (`chat-deleted`) after the commit.
 */
export async function deleteMessageIn(tx: Tx, messageId: number, byId: string): Promise<boolean> {
  const { count } = await tx.chatMessage.updateMany({ where: { id: messageId, deletedAt: null }, data: { deletedAt: new Date(), deletedById: byId } });
  return count > 0;
}

/** Removes a message for everyone, from the room and from its history. Deleting twice is fine. */
export async function deleteMessage(user: SessionUser, input: z.output<typeof deleteMessageSchema>): Promise<{ id: number }> {
  const show = await moderatedShow(user, input.roomNumber, "chat.delete", "Only the host or an operator can delete messages.");
  const message = await db.chatMessage.findFirst({ where: { id: input.messageId, showId: show.id }, select: { id: true, deletedAt: true } });
  if (!message) throw new AppError("NOT_FOUND", "There is no such message in this show.");
  if (message.deletedAt) return { id: message.id };
  if (await db.$transaction((tx) => deleteMessageIn(tx, message.id, user.id))) await tellDeleted(show.roomNumber, message.id);
  return { id: message.id };
}

/** Tells the room a message is gone (after the deletion committed). */
export async function tellDeleted(roomNumber: number, messageId: number): Promise<void> {
  await tell(roomNumber, { type: "chat-deleted", id: messageId });
}

/** Mutes or unmutes a viewer in this show. The target's role decides whether they can be muted. */
export async function setMuted(user: SessionUser, input: z.output<typeof muteSchema>): Promise<{ userId: string; muted: boolean }> {
  const show = await moderatedShow(user, input.roomNumber, "chat.mute", "Only the host or an operator can mute viewers.");
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, role: true } });
  if (!target) throw new AppError("NOT_FOUND", "There is no such user.");
  if (!can(showRoleOf(target, show), "chat.moderated")) throw new AppError("FORBIDDEN", `${target.name} cannot be muted in this show.`);
  if (input.muted) {
    await db.chatMute.createMany({ data: [{ showId: show.id, userId: target.id, mutedById: user.id }], skipDuplicates: true });
  } else {
    await db.chatMute.deleteMany({ where: { showId: show.id, userId: target.id } });
  }
  await tell(show.roomNumber, { type: "chat-mute", userId: target.id, muted: input.muted });
  return { userId: target.id, muted: input.muted };
}

/** One message per N seconds per viewer (0 turns it off). */
export async function setSlowMode(user: SessionUser, input: z.output<typeof slowModeSchema>): Promise<{ seconds: number }> {
  const show = await moderatedShow(user, input.roomNumber, "chat.slow-mode", "Only the host or an operator can set slow mode.");
  if (show.status !== "LIVE") throw new AppError("SHOW_ENDED", "This show has ended.");
  await db.show.update({ where: { id: show.id }, data: { slowModeSeconds: input.seconds }, select: { id: true } });
  await tell(show.roomNumber, { type: "chat-slow-mode", seconds: input.seconds });
  return { seconds: input.seconds };
}
