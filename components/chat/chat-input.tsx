"use client";

import { useState } from "react";
import { sendChatAction } from "@/components/chat/actions";
import { useRoomChat } from "@/components/chat/room-chat";
import { CHAT_MAX, chatTextSchema } from "@/lib/chat/schema";
import { textLength } from "@/lib/chat/text";

function newNonce(): string {
  // getRandomValues works on plain-http origins too (randomUUID needs a secure context).
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Typing a message: checked with the server's own schema first, shown at once (optimistic),
 * then sent; a refusal marks the message with the server's reason.
 */
export function ChatInput() {
  const { roomNumber, info, chat } = useRoomChat();
  const [text, setText] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const disabled = !info?.may.chat;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = chatTextSchema.safeParse(text);
    if (!parsed.success) {
      setHint(parsed.error.issues[0]?.message ?? "That message cannot be sent");
      return;
    }
    setHint(null);
    setText("");
    const nonce = newNonce();
    chat.sendLocal(nonce, parsed.data);
    const result = await sendChatAction({ roomNumber, text: parsed.data, nonce }).catch(() => null);
    if (result?.ok) chat.confirm(result.data);
    else chat.refuse(nonce, result?.error.message ?? "The connection to the server failed. Please try again.");
  }

  const length = textLength(text);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-1 border-t border-zinc-800 p-2">
      {info?.muted ? (
        <p data-testid="chat-muted" className="text-xs text-amber-300">
          The host has muted you in this show.
        </p>
      ) : null}
      {info && info.slowModeSeconds > 0 ? (
        <p data-testid="chat-slow-mode" className="text-xs text-zinc-400">
          Slow mode: one message every {info.slowModeSeconds} s.
        </p>
      ) : null}
      <div className="flex gap-2">
        <input
          aria-label="Chat message"
          placeholder={disabled ? "Connecting to the chat…" : "Say something…"}
          value={text}
          disabled={disabled}
          // UTF-16 units; the real limit (200 characters) is checked above and on the server.
          maxLength={CHAT_MAX * 2}
          onChange={(e) => {
            setText(e.target.value);
            setHint(null);
          }}
          enterKeyHint="send"
          autoComplete="off"
          className="min-w-0 flex-1 rounded border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand disabled:opacity-60"
        />
        <button type="submit" disabled={disabled} className="rounded bg-brand px-3 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:bg-zinc-700">
          Send
        </button>
      </div>
      {hint ? (
        <p data-testid="chat-hint" role="alert" className="text-xs text-red-400">
          {hint}
        </p>
      ) : length > CHAT_MAX - 20 ? (
        <p className={`text-right text-xs ${length > CHAT_MAX ? "text-red-400" : "text-zinc-500"}`}>
          {length}/{CHAT_MAX}
        </p>
      ) : null}
    </form>
  );
}
