"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { endShowAsOperatorAction } from "@/components/admin/actions/shows";
import { looksFineAction } from "@/components/screening/actions";
import { ReasonForm } from "@/components/admin/reason-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

/** An operator's decision on a screening flag: "Looks fine" (clears a blur at once) or end the show. */
export function FlagActions({ roomNumber, live }: { roomNumber: number; live: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function looksFine() {
    setPending(true);
    setError(null);
    const result = await looksFineAction({ roomNumber }).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setError(result ? result.error.message : "The server did not answer. Try again.");
      return;
    }
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-start gap-2">
      <FormError message={error} />
      <Button type="button" onClick={looksFine} disabled={pending}>
        {pending ? "Clearing…" : "Looks fine"}
      </Button>
      {live ? (
        <ReasonForm
          label="End the show…"
          confirmLabel="End the show"
          onSubmit={(reason) => endShowAsOperatorAction({ roomNumber, reason })}
          onDone={() => router.refresh()}
        />
      ) : null}
    </div>
  );
}
