"use client";

import { useCallback, useState } from "react";
import { screeningNoticeAction } from "@/components/screening/actions";
import { useRoomEvents } from "@/components/room/use-room-events";
import { AppealForm } from "@/components/screening/appeal-form";
import { useOnConnected } from "@/components/screening/use-on-connected";
import type { HostNotice } from "@/lib/screening/host-notice";

const WHAT_HAPPENS = {
  flag: "An operator will review it. Your show goes on meanwhile.",
  blur: "Viewers see your picture blurred until an operator has reviewed it.",
  end: "Your show was ended.",
} as const;

/** Tells the host that screening flagged (or blurred) their show, why, and how to appeal. */
export function HostScreeningNotice({ roomNumber }: { roomNumber: number }) {
  const [notice, setNotice] = useState<HostNotice>({ blurred: false, flag: null });

  // Asked once connected (and after a reconnect); room events keep it current in between.
  useOnConnected(
    useCallback(() => {
      void screeningNoticeAction({ roomNumber }).then((result) => {
        if (result.ok) setNotice(result.data);
      });
    }, [roomNumber]),
  );

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
