"use client";

import { useState } from "react";
import { looksFineAction } from "@/components/screening/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

/** An operator's "Looks fine" on a show screening flagged or blurred: clears it at once. */
export function LooksFineButton({ roomNumber, onDone }: { roomNumber: number; onDone: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function clear() {
    setPending(true);
    setError(null);
    const result = await looksFineAction({ roomNumber }).catch(() => null);
    setPending(false);
    if (!result?.ok) setError(result ? result.error.message : "The server did not answer. Try again.");
    else onDone();
  }

  return (
    <>
      <FormError message={error} />
      <Button type="button" onClick={clear} disabled={pending}>
        {pending ? "Clearing…" : "Looks fine"}
      </Button>
    </>
  );
}
