"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ChatStore } from "@/components/chat/chat-store";
import { ChatRow } from "@/components/chat/chat-row";
import { useRoomChat } from "@/components/chat/room-chat";
import type { Timeline } from "@/lib/chat/timeline";

const FOLLOW_WITHIN_PX = 48;
const ROW_ESTIMATE_PX = 36;
// The list re-renders at most this often. The store applies a storm once per frame; re-laying
// out the list 60 times a second (rows in, rows out, measure, scroll to the end) was most of
// the page's main-thread time, and nobody reads a list that moves faster than this. (A message
// after a pause still shows at once.)
const LIST_EVERY_MS = 250;

/** The store's timeline, at once when it changes after a pause, then at most every LIST_EVERY_MS. */
function useListTimeline(chat: ChatStore): Timeline {
  const [timeline, setTimeline] = useState(chat.getSnapshot);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      timer = undefined;
      last = performance.now();
      setTimeline(chat.getSnapshot());
    };
    const stop = chat.subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + LIST_EVERY_MS - performance.now();
      if (wait <= 0) update();
      else timer = setTimeout(update, wait);
    });
    update(); // what changed between the first render and now
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [chat]);
  return timeline;
}

/**
 * The chat, virtualised: however many messages the store holds (up to 200), only the rows on
 * screen (plus a few) are in the DOM. Follows new messages while scrolled to the bottom.
 */
export function ChatList({ selected, onSelect }: { selected: string | null; onSelect: (key: string) => void }) {
  const { chat } = useRoomChat();
  const { entries } = useListTimeline(chat);
  const scroller = useRef<HTMLDivElement>(null);
  // Follow new messages while the reader is at the bottom; stop when they scroll up to read.
  const follow = useRef(true);
  const lastTop = useRef(0);
  const [atEnd, setAtEnd] = useState(true);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    // Re-render with React's next update, not synchronously inside each measurement and scroll event.
    useFlushSync: false,
    // A new row starts at its estimate (one line of text is exactly that) and takes its real
    // height from the ResizeObserver, which reports every new row at once after the frame's
    // layout. Reading offsetHeight as each row mounts (the default) forced a layout per row.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize[0];
      if (box) return Math.round(box.blockSize);
      return instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? ROW_ESTIMATE_PX;
    },
    getItemKey: (index) => entries[index]?.key ?? index,
    // Rows dropped at the top (the store keeps 200) do not move what the reader is looking at.
    anchorTo: "end",
    // The server renders the newest rows (the ones a reader sees first), not the oldest.
    initialRect: { width: 320, height: 320 },
    initialOffset: () => entries.length * ROW_ESTIMATE_PX,
  });

  // Following: straight to the bottom, one layout read per list update. (The virtualizer's own
  // scrollToEnd re-checks its target for several frames, reading the scroll height each time: at
  // ten updates a second that was a forced layout on most frames of a storm.) Rows measured later
  // keep the end in view through anchorTo "end".
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow.current && el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const fromEnd = el.scrollHeight - el.scrollTop - el.clientHeight;
    if (fromEnd < FOLLOW_WITHIN_PX) follow.current = true;
    else if (el.scrollTop < lastTop.current - 1) follow.current = false; // the reader scrolled up
    lastTop.current = el.scrollTop;
    setAtEnd(follow.current);
  }

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        data-testid="chat-list"
        role="log"
        aria-label="Chat messages"
        onScroll={onScroll}
        // Contained: rows coming and going are laid out and painted inside the list, never the page.
        className="h-full overflow-y-auto overscroll-contain [contain:content]"
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
                className="absolute left-0 top-0 w-full [contain:layout_style]"
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
          onClick={() => {
            follow.current = true;
            setAtEnd(true);
            virtualizer.scrollToEnd();
          }}
          className="absolute bottom-2 left-1/2 -translate-x-1/2 rounded-full bg-zinc-700 px-3 py-1 text-xs shadow hover:bg-zinc-600"
        >
          Newest messages ↓
        </button>
      )}
    </div>
  );
}
