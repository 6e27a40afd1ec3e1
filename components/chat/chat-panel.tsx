"use client";

import { useState, useSyncExternalStore } from "react";
import { ChatInput } from "@/components/chat/chat-input";
import { ChatList } from "@/components/chat/chat-list";
import { MessageActions } from "@/components/chat/message-actions";
import { useRoomChat } from "@/components/chat/room-chat";
import { SlowModeControl } from "@/components/chat/slow-mode-control";

/** The room's chat: messages, what one can do with a picked message, and the input. */
export function ChatPanel({ className = "" }: { className?: string }) {
  const { chat } = useRoomChat();
  const [selected, setSelected] = useState<string | null>(null);
  const timeline = useSyncExternalStore(chat.subscribe, chat.getSnapshot, chat.getSnapshot);
  const picked = selected ? timeline.entries.find((e) => e.key === selected) : undefined;

  return (
    <section data-testid="chat" aria-label="Chat" className={`flex min-h-0 flex-col rounded-lg border border-zinc-800 bg-zinc-900 ${className}`}>
      <header className="flex items-center justify-between gap-2 border-b border-zinc-800 px-3 py-2">
        <h2 className="text-sm font-semibold text-zinc-300">Chat</h2>
        <SlowModeControl />
      </header>
      <ChatList selected={picked ? selected : null} onSelect={(key) => setSelected((s) => (s === key ? null : key))} />
      {picked?.kind === "message" ? <MessageActions key={picked.key} entry={picked} onDone={() => setSelected(null)} /> : null}
      <ChatInput />
    </section>
  );
}
