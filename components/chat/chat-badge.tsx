import type { ChatMessageView } from "@/lib/chat/events";

const LABELS: Record<NonNullable<ChatMessageView["badge"]>, { text: string; className: string }> = {
  HOST: { text: "host", className: "bg-brand text-white" },
  GUEST: { text: "guest", className: "bg-sky-700 text-white" },
};

export function ChatBadge({ badge }: { badge: ChatMessageView["badge"] }) {
  if (!badge) return null;
  const { text, className } = LABELS[badge];
  return (
    <span data-testid="chat-badge" className={`rounded px-1 py-px text-[10px] font-semibold uppercase leading-none ${className}`}>
      {text}
    </span>
  );
}
