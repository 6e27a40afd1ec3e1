"use client";

import { useEffect, useState } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";
import { sendStageCommand } from "@/components/stage/stage-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

type Invite = { id: string; hostName: string; deadline: number };

/**
 * The host's invite on stage, sent by the server to this connection only: Accept / Decline with
 * the server's countdown. `onAccepting` starts the camera at the click (it warms up while the
 * server seats the guest); `onAcceptFailed` stops it again.
 */
export function InviteDialog({ roomNumber, onAccepting, onAcceptFailed, onExpired }: {
  roomNumber: number;
  onAccepting: () => void;
  onAcceptFailed: () => void;
  onExpired: (hostName: string) => void;
}) {
  const [invite, setInvite] = useState<Invite | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useRoomEvents((event) => {
    if (event.type === "stage-invite") {
      setInvite({ id: event.inviteId, hostName: event.hostName, deadline: Date.now() + event.expiresInMs });
      setNow(Date.now());
      setError(null);
    } else if (event.type === "stage-invite-closed" && event.inviteId === invite?.id) {
      // Only the server's expiry sends this: it may come before this page's own countdown ends.
      setInvite(null);
      onExpired(invite.hostName);
    }
  });

  useEffect(() => {
    if (!invite) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= invite.deadline) {
        setInvite(null);
        onExpired(invite.hostName);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [invite, onExpired]);

  if (!invite) return null;
  const secondsLeft = Math.max(0, Math.ceil((invite.deadline - now) / 1000));

  async function answer(accept: boolean) {
    if (!invite) return;
    setBusy(true);
    setError(null);
    if (accept) onAccepting();
    const result = await sendStageCommand(roomNumber, { op: accept ? "accept-invite" : "decline-invite", inviteId: invite.id });
    setBusy(false);
    if (result.ok) {
      setInvite(null);
      return;
    }
    if (accept) onAcceptFailed();
    setError(result.message);
  }

  return (
    <div className="fixed inset-0 z-40 flex items-end justify-center bg-black/60 p-4 sm:items-center">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="stage-invite-title"
        data-testid="stage-invite"
        data-invite-id={invite.id}
        className="w-full max-w-sm space-y-4 rounded-lg border border-zinc-700 bg-zinc-900 p-5 shadow-xl"
      >
        <h2 id="stage-invite-title" className="text-lg font-semibold">
          {invite.hostName} invites you on stage
        </h2>
        <p className="text-sm text-zinc-300">
          Everyone in the room will see and hear you. Your camera and microphone start when you accept.
        </p>
        <p className="text-sm text-zinc-400">
          The invite expires in <span data-testid="invite-countdown">{secondsLeft}</span> s.
        </p>
        <FormError message={error} />
        <div className="flex gap-3">
          <Button className="flex-1" disabled={busy} onClick={() => answer(true)}>
            Accept
          </Button>
          <Button className="flex-1" variant="secondary" disabled={busy} onClick={() => answer(false)}>
            Decline
          </Button>
        </div>
      </div>
    </div>
  );
}
