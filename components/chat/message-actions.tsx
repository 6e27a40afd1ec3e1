"use client";

import { useState } from "react";
import { useRoomChat } from "@/components/chat/room-chat";
import { deleteMessageAction, muteAction } from "@/components/moderation/actions";
import { ReportDialog } from "@/components/moderation/report-dialog";
import type { MessageEntry } from "@/lib/chat/timeline";

const actionClass = "rounded bg-zinc-800 px-2 py-1 hover:bg-zinc-700 disabled:opacity-50";

/** What this user may do with the message they picked: delete, mute its author, report it. */
export function MessageActions({ entry, onDone }: { entry: MessageEntry; onDone: () => void }) {
  const { roomNumber, info } = useRoomChat();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reporting, setReporting] = useState(false);
  if (!info) return null;
  const { message, mine } = entry;
  const author = message.user;
  const muted = info.mutedUserIds.includes(author.id);
  // The server decides (the host and operators cannot be muted); this only hides useless buttons.
  const mayMute = info.may.moderate && !mine && message.badge !== "HOST";
  const mayReport = info.may.reportMessage && !mine;

  async function run(work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error.message);
  }

  return (
    <div data-testid="message-actions" className="space-y-1 border-t border-zinc-800 px-2 py-1.5 text-xs">
      <p className="truncate text-zinc-400">
        {author.name}: “{message.text}”
      </p>
      <div className="flex flex-wrap gap-1.5">
        {info.may.moderate ? (
          <button type="button" disabled={busy} className={actionClass} onClick={() => run(() => deleteMessageAction({ roomNumber, messageId: message.id }))}>
            Delete message
          </button>
        ) : null}
        {mayMute ? (
          <button
            type="button"
            disabled={busy}
            className={actionClass}
            onClick={() => run(() => muteAction({ roomNumber, userId: author.id, muted: !muted }))}
          >
            {muted ? `Unmute ${author.name}` : `Mute ${author.name}`}
          </button>
        ) : null}
        {mayReport ? (
          <button type="button" className={actionClass} onClick={() => setReporting(true)}>
            Report message
          </button>
        ) : null}
        <button type="button" className="px-2 py-1 text-zinc-400 hover:text-zinc-200" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-red-400">
          {error}
        </p>
      ) : null}
      {reporting ? (
        <ReportDialog
          target={{ target: "message", roomNumber, messageId: message.id }}
          what={`${author.name}’s message`}
          onClose={() => {
            setReporting(false);
            onDone();
          }}
        />
      ) : null}
    </div>
  );
}
