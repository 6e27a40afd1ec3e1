import "server-only";
import { can, showRoleOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { ChatMessageView } from "@/lib/chat/events";
import { missedMessages } from "@/lib/chat/messages";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isMuted } from "@/lib/moderation/chat-rules";
import { consume } from "@/lib/rate-limit";
import { requireShow, type ShowDetails } from "@/lib/shows/get-show";

/** What the room's chat, hearts and moderation controls need, for one user. */
export type ChatRoomState = {
  roomNumber: number;
  userId: string;
  /** what this user's controls offer (the server checks each action again) */
  may: { chat: boolean; like: boolean; moderate: boolean; reportShow: boolean; reportMessage: boolean };
  messages: ChatMessageView[];
  /** messages deleted since the client's newest one (a reconnecting client drops them) */
  deletedIds: number[];
  /** the show's newest sequence number: the client now holds everything up to it */
  lastSeq: number;
  slowModeSeconds: number;
  muted: boolean;
  /** moderators only: who is muted, so they are offered "unmute" */
  mutedUserIds: string[];
  likes: number;
};

async function stateOf(user: SessionUser, show: ShowDetails, afterSeq: number | null): Promise<ChatRoomState> {
  const role = showRoleOf(user, show);
  if (!can(role, "show.subscribe")) throw new AppError("FORBIDDEN", "You may not watch this show.");
  const moderate = can(role, "chat.mute");
  const [missed, muted, mutes] = await Promise.all([
    missedMessages(show.id, afterSeq),
    isMuted(show.id, user.id),
    moderate ? db.chatMute.findMany({ where: { showId: show.id }, select: { userId: true } }) : [],
  ]);
  return {
    roomNumber: show.roomNumber,
    userId: user.id,
    may: {
      chat: can(role, "chat.send"),
      like: can(role, "show.like"),
      moderate,
      reportShow: can(role, "show.report"),
      reportMessage: can(role, "chat.report"),
    },
    ...missed,
    slowModeSeconds: show.slowModeSeconds,
    muted,
    mutedUserIds: mutes.map((m) => m.userId),
    likes: show.likes,
  };
}

/** For the watch page's server render: the last messages come with the page. */
export function chatRoomOnPage(user: SessionUser, show: ShowDetails): Promise<ChatRoomState> {
  return stateOf(user, show, null);
}

/** A client catching up (it (re)connected, or saw a number skipped): what came after what it holds. */
export async function syncChatRoom(user: SessionUser, input: { roomNumber: number; afterSeq: number | null }): Promise<ChatRoomState> {
  await consume("chat.sync", user.id);
  return stateOf(user, await requireShow(input.roomNumber), input.afterSeq);
}
