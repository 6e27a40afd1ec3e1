"use client";

import { useEffect, useState } from "react";
import { appealScreeningAction, screeningNoticeAction } from "@/app/(studio)/studio/actions";
import { useRoomEvents } from "@/components/room/use-room-events";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { HostNotice } from "@/lib/screening/host-notice";
import { APPEAL_MAX } from "@/lib/screening/schema";

const WHAT_HAPPENS = {
  flag: "An operator will review it. Your show goes on meanwhile.",
  blur: "Viewers see your picture blurred until an operator has reviewed it.",
  end: "Your show was ended.",
} as const;

function AppealForm({ roomNumber, onSent }: { roomNumber: number; onSent: () => void }) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await appealScreeningAction({ roomNumber, note });
    setSending(false);
    if (result.ok) onSent();
    else setError(result.error.message);
  }

  return (
    <form onSubmit={send} className="space-y-2">
      <label htmlFor="screening-appeal" className="block text-xs text-amber-100">
        Think this is a mistake? Tell the operators:
      </label>
      <textarea
        id="screening-appeal"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={APPEAL_MAX}
        rows={2}
        className="w-full rounded bg-zinc-900 p-2 text-sm text-zinc-100"
      />
      <FormError message={error} />
      <Button type="submit" variant="secondary" disabled={sending}>
        {sending ? "Sending…" : "Send to the operators"}
      </Button>
    </form>
  );
}

/** Tells the host that screening flagged (or blurred) their show, why, and how to appeal. */
export function HostScreeningNotice({ roomNumber }: { roomNumber: number }) {
  const [notice, setNotice] = useState<HostNotice>({ blurred: false, flag: null });

  useEffect(() => {
    let current = true;
    void screeningNoticeAction({ roomNumber }).then((result) => {
      if (current && result.ok) setNotice(result.data);
    });
    return () => {
      current = false;
    };
  }, [roomNumber]);

  useRoomEvents((event) => {
    if (event.type === "screening-flagged") {
      setNotice((n) => ({ ...n, flag: { reason: event.reason, action: event.action, appealed: n.flag?.appealed ?? false } }));
    } else if (event.type === "screening-blur") setNotice((n) => ({ ...n, blurred: true }));
    else if (event.type === "screening-clear") setNotice({ blurred: false, flag: null });
  });

  const { flag, blurred } = notice;
  if (!flag && !blurred) return null;
  return (
    <section data-testid="screening-notice" role="status" className="space-y-2 rounded-lg border border-amber-700 bg-amber-950 p-3 text-sm text-amber-200">
      <p className="font-semibold">{blurred ? "Your show is blurred for viewers" : "Your show was flagged for review"}</p>
      {flag ? <p data-testid="screening-reason">{flag.reason}</p> : null}
      <p>{WHAT_HAPPENS[blurred ? "blur" : (flag?.action ?? "flag")]}</p>
      {flag?.appealed ? (
        <p data-testid="screening-appealed">Your note was sent to the operators.</p>
      ) : flag ? (
        <AppealForm roomNumber={roomNumber} onSent={() => setNotice((n) => (n.flag ? { ...n, flag: { ...n.flag, appealed: true } } : n))} />
      ) : null}
    </section>
  );
}
