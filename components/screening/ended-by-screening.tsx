"use client";

import { useState } from "react";
import { AppealForm } from "@/components/screening/appeal-form";

/** On the host's summary of a show that screening ended: why, and the way to appeal. */
export function EndedByScreening({ roomNumber, appealed }: { roomNumber: number; appealed: boolean }) {
  const [sent, setSent] = useState(appealed);
  return (
    <section data-testid="ended-by-screening" role="status" className="space-y-2 rounded-lg border border-amber-700 bg-amber-950 p-4 text-sm text-amber-200">
      <p className="font-semibold">Automatic screening ended this show.</p>
      <p>An operator will review the picture it saw.</p>
      {sent ? <p data-testid="screening-appealed">Your note was sent to the operators.</p> : <AppealForm roomNumber={roomNumber} onSent={() => setSent(true)} />}
    </section>
  );
}
