"use client";

import { useRouter } from "next/navigation";
import { retireGiftAction } from "@/components/admin/actions/gifts";
import { ReasonForm } from "@/components/admin/reason-form";

/** Takes a gift off the shelf (its history stays), or puts it back. */
export function RetireGiftButton({ id, retired }: { id: string; retired: boolean }) {
  const router = useRouter();
  return (
    <ReasonForm
      label={retired ? "Put back…" : "Retire…"}
      confirmLabel={retired ? "Put back on the shelf" : "Retire"}
      variant={retired ? "secondary" : "danger"}
      reasonRequired={false}
      onSubmit={(reason) => retireGiftAction({ id, retired: !retired, reason })}
      onDone={() => router.refresh()}
    />
  );
}
