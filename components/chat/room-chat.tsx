"use client";

import { useRoomContext } from "@livekit/components-react";
import { ConnectionState, RoomEvent } from "livekit-client";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { syncChatAction } from "@/components/chat/actions";
import { ChatStore } from "@/components/chat/chat-store";
import { LikeStore } from "@/components/likes/like-store";
import { useRoomEvents } from "@/components/room/use-room-events";
import type { ChatRoomState } from "@/lib/chat/room-state";

/** The room's chat settings and this user's standing in it (changes a few times a show at most). */
export type ChatRoomInfo = Pick<ChatRoomState, "userId" | "may" | "slowModeSeconds" | "muted" | "mutedUserIds">;

type RoomChat = { roomNumber: number; info: ChatRoomInfo | null; chat: ChatStore; likes: LikeStore };

const RoomChatContext = createContext<RoomChat | null>(null);

export function useRoomChat(): RoomChat {
  const value = useContext(RoomChatContext);
  if (!value) throw new Error("useRoomChat outside RoomChatProvider");
  return value;
}

function infoOf(state: ChatRoomState): ChatRoomInfo {
  const { userId, may, slowModeSeconds, muted, mutedUserIds } = state;
  return { userId, may, slowModeSeconds, muted, mutedUserIds };
}

const SYNC_RETRY_MS = [1_000, 3_000, 10_000];
// A message may just be overtaken by the next one on the way: wait this long before fetching it.
const GAP_WAIT_MS = 2_000;

/**
 * Catches up whenever the room (re)connects, and when a message went missing between two that
 * arrived: LiveKit's data messages are best-effort, so what was said while this browser was away
 * (or between the page's render and the connection) is fetched after the last message it holds
 * without a gap; the store drops what it already has.
 */
function useCatchUp(roomNumber: number, chat: ChatStore, likes: LikeStore, setInfo: (info: ChatRoomInfo) => void) {
  const room = useRoomContext();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const sync = async (attempt = 0) => {
      clearTimeout(timer);
      const result = await syncChatAction({ roomNumber, afterSeq: chat.afterSeq() }).catch(() => null);
      if (stopped) return;
      if (!result?.ok) {
        const delay = SYNC_RETRY_MS[attempt];
        if (delay !== undefined) timer = setTimeout(() => void sync(attempt + 1), delay);
        return;
      }
      chat.identify(result.data.userId);
      chat.sync(result.data.messages, result.data.deletedIds, result.data.lastSeq);
      likes.setTotal(result.data.likes);
      setInfo(infoOf(result.data));
    };
    const onConnected = () => void sync();
    if (room.state === ConnectionState.Connected) onConnected();
    room.on(RoomEvent.Connected, onConnected).on(RoomEvent.Reconnected, onConnected);
    chat.onGap(() => {
      gapTimer ??= setTimeout(() => {
        gapTimer = undefined;
        if (chat.hasGap()) void sync();
      }, GAP_WAIT_MS);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(gapTimer);
      chat.onGap(null);
      room.off(RoomEvent.Connected, onConnected).off(RoomEvent.Reconnected, onConnected);
    };
  }, [room, roomNumber, chat, likes, setInfo]);
}

/**
 * The room's conversation for everything inside it (chat list, danmaku, hearts): one store of
 * messages and one of hearts, fed by the server's room events. `initial` comes with the watch
 * page; the studio starts empty and fills in when it connects.
 */
export function RoomChatProvider({
  roomNumber,
  userId,
  initial,
  children,
}: {
  roomNumber: number;
  /** null until the first catch-up says (the studio) */
  userId: string | null;
  initial: ChatRoomState | null;
  children: React.ReactNode;
}) {
  const [chat] = useState(() => new ChatStore(userId ?? "", initial?.messages ?? [], initial?.lastSeq ?? null));
  const [likes] = useState(() => new LikeStore(initial?.likes ?? 0));
  const [info, setInfo] = useState<ChatRoomInfo | null>(() => (initial ? infoOf(initial) : null));

  useEffect(
    () => () => {
      chat.dispose();
      likes.dispose();
    },
    [chat, likes],
  );

  useRoomEvents((event) => {
    switch (event.type) {
      case "chat":
        chat.receive(event.message);
        return;
      case "chat-deleted":
        chat.remove(event.id);
        return;
      case "likes":
        likes.receive(event.total, event.burst);
        return;
      case "chat-slow-mode":
        setInfo((i) => i && { ...i, slowModeSeconds: event.seconds });
        return;
      case "chat-mute":
        setInfo((i) => {
          if (!i) return i;
          const others = i.mutedUserIds.filter((id) => id !== event.userId);
          return {
            ...i,
            muted: event.userId === i.userId ? event.muted : i.muted,
            mutedUserIds: event.muted ? [...others, event.userId] : others,
          };
        });
        return;
    }
  });
  useCatchUp(roomNumber, chat, likes, setInfo);

  const value = useMemo(() => ({ roomNumber, info, chat, likes }), [roomNumber, info, chat, likes]);
  return <RoomChatContext value={value}>{children}</RoomChatContext>;
}
