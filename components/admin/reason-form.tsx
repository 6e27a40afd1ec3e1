"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/actions/safe-action";
import { REASON_MAX } from "@/lib/admin/schema";

/**
 * A button that opens a small form asking why (for the audit log) before an operator acts;
 * `extra` adds fields (e.g. an end date). The server checks the reason again.
 */
export function ReasonForm<T>({ label, confirmLabel, variant = "danger", reasonRequired = true, extra, onSubmit, onDone }: {
  label: string;
  confirmLabel: string;
  variant?: "danger" | "secondary" | "primary";
  reasonRequired?: boolean;
  extra?: React.ReactNode;
  onSubmit: (reason: string, form: FormData) => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();

  if (!open) {
    return (
      <Button type="button" variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await onSubmit(String(form.get("reason") ?? ""), form);
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    onDone?.(result.data);
  }

  return (
    <form onSubmit={submit} noValidate className="w-full space-y-2 rounded border border-zinc-700 bg-zinc-950 p-3">
      <FormError message={error} />
      <label htmlFor={reasonId} className="block text-sm text-zinc-300">
        Reason{reasonRequired ? "" : " (optional)"}
      </label>
      <textarea
        id={reasonId}
        name="reason"
        rows={2}
        maxLength={REASON_MAX}
        className="w-full rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand"
      />
      {extra}
      <div className="flex gap-2">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
