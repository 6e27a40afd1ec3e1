"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { ChatRow } from "@/components/chat/chat-row";
import { useRoomChat } from "@/components/chat/room-chat";

/**
 * The chat, virtualised: however many messages the store holds (up to 500), only the rows on
 * screen (plus a few) are in the DOM. Follows new messages while scrolled to the bottom.
 */
export function ChatList({ selected, onSelect }: { selected: string | null; onSelect: (key: string) => void }) {
  const { chat } = useRoomChat();
  const { entries } = useSyncExternalStore(chat.subscribe, chat.getSnapshot, chat.getSnapshot);
  const scroller = useRef<HTMLDivElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 36,
    overscan: 6,
    getItemKey: (index) => entries[index]?.key ?? index,
    anchorTo: "end",
    followOnAppend: true,
    scrollEndThreshold: 24,
    initialRect: { width: 320, height: 320 },
  });

  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        data-testid="chat-list"
        role="log"
        aria-label="Chat messages"
        onScroll={() => setAtEnd(virtualizer.isAtEnd(24))}
        className="h-full overflow-y-auto overscroll-contain"
      >
        {entries.length === 0 ? <p className="p-3 text-sm text-zinc-500">No messages yet. Say hello!</p> : null}
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ChatRow entry={entry} selected={selected === entry.key} onSelect={onSelect} />
              </div>
            );
          })}
        </div>
      </div>
      {atEnd ? null : (
        <button
          type="button"
          onClick={() => virtualizer.scrollToEnd({ behavior: "smooth" })}
          className="absolute bottom-2 left-1/2 -translate-x-1/2 rounded-full bg-zinc-700 px-3 py-1 text-xs shadow hover:bg-zinc-600"
        >
          Newest messages ↓
        </button>
      )}
    </div>
  );
}
