"use client";

import { useState } from "react";
import { GiftOverlay } from "@/components/gifts/gift-overlay";
import { useRoomEvents } from "@/components/room/use-room-events";
import type { ChatMessageView } from "@/lib/chat/events";

/** Lines kept on screen (the page gets the same number of recent ones to start with). */
const LINES = 6;

/** The show's newest chat lines, as the room events bring them (a moderator's delete removes one). */
function OverlayChat({ initial }: { initial: ChatMessageView[] }) {
  const [messages, setMessages] = useState(initial.slice(-LINES));
  useRoomEvents((event) => {
    if (event.type === "chat") {
      setMessages((list) => (list.some((m) => m.id === event.message.id) ? list : [...list, event.message].sort((a, b) => a.seq - b.seq).slice(-LINES)));
    } else if (event.type === "chat-deleted") {
      setMessages((list) => list.filter((m) => m.id !== event.id));
    }
  });
  return (
    <ol data-testid="overlay-chat" aria-label="Chat" className="absolute bottom-6 left-6 flex w-[38%] flex-col items-start gap-2">
      {messages.map((m) => (
        // An opaque brand-coloured pill: readable over any picture, and what the e2e test looks for in the output's frames.
        <li key={m.id} className="max-w-full truncate rounded-xl bg-brand px-4 py-2 text-2xl text-white">
          <span className="font-semibold">{m.user.name}</span> {m.text}
        </li>
      ))}
    </ol>
  );
}

/** What "with overlay" adds to the composite: recent chat at the bottom left, gifts above it. */
export function CompositeOverlay({ messages }: { messages: ChatMessageView[] }) {
  return (
    <>
      <div className="absolute left-0 top-0 h-1/2 w-1/2">
        <GiftOverlay />
      </div>
      <OverlayChat initial={messages} />
    </>
  );
}
