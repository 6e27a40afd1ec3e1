"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import { ChatInput } from "@/components/chat/chat-input";
import { ChatList } from "@/components/chat/chat-list";
import { MessageActions } from "@/components/chat/message-actions";
import { useRoomChat } from "@/components/chat/room-chat";
import { SlowModeControl } from "@/components/chat/slow-mode-control";

/**
 * The actions for the picked message, while it is still in the list. Only this and the list
 * follow the store: the panel, its header and the input do not re-render per frame of a storm.
 */
function PickedActions({ selected, onDone }: { selected: string | null; onDone: () => void }) {
  const { chat } = useRoomChat();
  const pick = () => (selected ? chat.getSnapshot().entries.findLast((e) => e.key === selected) : undefined);
  const picked = useSyncExternalStore(chat.subscribe, pick, pick);
  return picked?.kind === "message" ? <MessageActions key={picked.key} entry={picked} onDone={onDone} /> : null;
}

/** The room's chat: messages, what one can do with a picked message, and the input. */
export function ChatPanel({ className = "" }: { className?: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  // Stable, so the memoised rows on screen do not re-render when a frame adds messages.
  const onSelect = useCallback((key: string) => setSelected((s) => (s === key ? null : key)), []);
  const onDone = useCallback(() => setSelected(null), []);

  return (
    <section data-testid="chat" aria-label="Chat" className={`flex min-h-0 flex-col rounded-lg border border-zinc-800 bg-zinc-900 ${className}`}>
      <header className="flex items-center justify-between gap-2 border-b border-zinc-800 px-3 py-2">
        <h2 className="text-sm font-semibold text-zinc-300">Chat</h2>
        <SlowModeControl />
      </header>
      {/* a picked message that left the list (deleted, or beyond the kept history) matches no row */}
      <ChatList selected={selected} onSelect={onSelect} />
      <PickedActions selected={selected} onDone={onDone} />
      <ChatInput />
    </section>
  );
}
