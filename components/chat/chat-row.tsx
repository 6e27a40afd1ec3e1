import { memo } from "react";
import { ChatBadge } from "@/components/chat/chat-badge";
import { Avatar } from "@/components/ui/avatar";
import type { ChatEntry } from "@/lib/chat/timeline";

/** One line of chat. User text is rendered by React, so markup in it shows as text. */
export const ChatRow = memo(function ChatRow({ entry, selected, onSelect }: {
  entry: ChatEntry;
  selected: boolean;
  onSelect: (key: string) => void;
}) {
  if (entry.kind === "local") {
    return (
      <div data-testid="chat-message" data-status={entry.status} data-mine="true" className="flex gap-2 px-3 py-1.5 text-sm">
        <span className="min-w-0 break-words">
          <span className="font-medium text-zinc-400">You </span>
          <span data-testid="chat-text" className={entry.status === "refused" ? "text-zinc-500 line-through" : "text-zinc-300"}>
            {entry.text}
          </span>
          {entry.status === "refused" ? (
            <span data-testid="chat-refused" role="alert" className="block text-xs text-red-400">
              Not sent: {entry.reason}
            </span>
          ) : null}
        </span>
      </div>
    );
  }
  const { message, mine } = entry;
  return (
    <button
      type="button"
      data-testid="chat-message"
      data-message-id={message.id}
      data-status="sent"
      data-mine={mine}
      aria-pressed={selected}
      onClick={() => onSelect(entry.key)}
      className={`flex w-full gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-800/60 ${selected ? "bg-zinc-800" : ""}`}
    >
      <Avatar id={message.user.id} name={message.user.name} size="sm" />
      <span className="min-w-0 break-words">
        <span data-testid="chat-author" className="mr-1 font-medium text-zinc-300">
          {message.user.name}
        </span>
        <ChatBadge badge={message.badge} /> <span data-testid="chat-text">{message.text}</span>
      </span>
    </button>
  );
});
