"use client";

import { useEffect, useRef, useState } from "react";
import { reportAction } from "@/components/moderation/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { REPORT_NOTE_MAX, REPORT_REASONS, reportSchema } from "@/lib/moderation/schema";

export type ReportTarget = { target: "show"; roomNumber: number } | { target: "message"; roomNumber: number; messageId: number };

/** The original's report dialog: five reasons and an optional note; "thank you" once stored. */
export function ReportDialog({ target, what, onClose }: { target: ReportTarget; what: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    const el = dialog.current;
    el?.showModal();
    return () => el?.close();
  }, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The server's schema, for an instant answer; the server parses again.
    const input = reportSchema.safeParse({ ...target, reason: form.get("reason") ?? "", note: form.get("note") ?? "" });
    if (!input.success) {
      setError(input.error.issues[0]?.message ?? "Check the form");
      return;
    }
    setPending(true);
    setError(null);
    const result = await reportAction(input.data);
    setPending(false);
    if (result.ok) setDone(true);
    else setError(result.error.message);
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label={`Report ${what}`}
      data-testid="report-dialog"
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-lg border border-zinc-700 bg-zinc-900 p-5 text-zinc-100 backdrop:bg-black/70"
    >
      {done ? (
        <div className="space-y-4">
          <p data-testid="report-thanks" role="status">
            Thank you. An operator will look at your report.
          </p>
          <Button onClick={() => dialog.current?.close()} className="w-full">
            Close
          </Button>
        </div>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          <h2 className="font-semibold">Report {what}</h2>
          <FormError message={error} />
          <fieldset className="space-y-1">
            <legend className="mb-1 text-sm text-zinc-300">What is wrong with it?</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r.value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="reason" value={r.value} className="accent-brand" />
                {r.label}
              </label>
            ))}
          </fieldset>
          <label className="block space-y-1">
            <span className="text-sm text-zinc-300">Note (optional)</span>
            <textarea
              name="note"
              maxLength={REPORT_NOTE_MAX}
              rows={3}
              className="w-full rounded border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm outline-none focus:border-brand"
            />
          </label>
          <div className="flex gap-2">
            <Button type="submit" disabled={pending} className="flex-1">
              {pending ? "Sending…" : "Send report"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
