"use client";

import { useRouter } from "next/navigation";
import { endShowAsOperatorAction } from "@/components/admin/actions/shows";
import { ReasonForm } from "@/components/admin/reason-form";
import { LooksFineButton } from "@/components/screening/looks-fine-button";

/** An operator's decision on a screening flag: "Looks fine" (clears a blur at once) or end the show. */
export function FlagActions({ roomNumber, live }: { roomNumber: number; live: boolean }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-start gap-2">
      <LooksFineButton roomNumber={roomNumber} onDone={() => router.refresh()} />
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
