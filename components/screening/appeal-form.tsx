"use client";

import { useState } from "react";
import { appealScreeningAction } from "@/components/screening/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { APPEAL_MAX } from "@/lib/screening/schema";

/** The host's note to the operators on their show's open screening flag. */
export function AppealForm({ roomNumber, onSent }: { roomNumber: number; onSent: () => void }) {
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
